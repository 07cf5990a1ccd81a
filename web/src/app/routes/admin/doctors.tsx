import { Alert, Anchor, Badge, Card, Group, PasswordInput, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { useCreateDoctor } from '@/features/hospital-admin/api/create-doctor';
import { useAdminDepartments } from '@/features/hospital-admin/api/departments';
import { useAdminDoctors } from '@/features/hospital-admin/api/doctors';
import { DoctorProfileForm, emptyProfile } from '@/features/hospital-admin/components/doctor-profile-form';
import { problemMessage } from '@/lib/problem-message';

/** Admin: every doctor, and adding one (account and profile). */
export default function DoctorsRoute(): ReactNode {
  const { t, i18n } = useTranslation('hospitalAdmin');
  const navigate = useNavigate();
  const doctors = useAdminDoctors();
  const departments = useAdminDepartments();
  const create = useCreateDoctor();
  const [account, setAccount] = useState({ email: '', mobile: '', initialPassword: '' });
  const zh = i18n.language === 'zh-CN';

  return (
    <Page title={t('doctors.title')}>
      {doctors.isPending ? (
        <PageLoader />
      ) : doctors.isError ? (
        <Alert color="red" role="alert">
          {problemMessage(doctors.error, t)}
        </Alert>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('doctors.fullName')}</Table.Th>
                <Table.Th>{t('doctors.department')}</Table.Th>
                <Table.Th>{t('doctors.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {doctors.data.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/doctors/${d.id}`}>
                      {d.profile.fullName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{zh ? d.department.name : d.department.nameEn}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {d.profile.offersVideoVisits && <Badge variant="light" c="dark.8">{t('doctors.videoBadge')}</Badge>}
                      {!d.hasSchedule && <Badge color="orange" variant="light" c="dark.8">{t('doctors.noSchedule')}</Badge>}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Card withBorder padding="md" component="section" aria-labelledby="new-doctor">
        <Title order={2} size="h4" id="new-doctor" mb="sm">
          {t('doctors.add')}
        </Title>
        {departments.data && (
          <DoctorProfileForm
            initial={emptyProfile}
            departments={departments.data}
            submitLabel={t('doctors.create')}
            busy={create.isPending}
            onSubmit={(profile, { onError }) => create.mutate({ ...account, profile }, { onSuccess: (created) => void navigate(`/admin/doctors/${created.id}`), onError })}
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput label={t('doctors.email')} type="email" required value={account.email} onChange={(e) => setAccount({ ...account, email: e.currentTarget.value })} />
              <TextInput label={t('doctors.mobile')} required value={account.mobile} onChange={(e) => setAccount({ ...account, mobile: e.currentTarget.value })} />
              <PasswordInput label={t('doctors.password')} required value={account.initialPassword} onChange={(e) => setAccount({ ...account, initialPassword: e.currentTarget.value })} />
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {t('doctors.passwordHint')}
            </Text>
          </DoctorProfileForm>
        )}
      </Card>
    </Page>
  );
}
