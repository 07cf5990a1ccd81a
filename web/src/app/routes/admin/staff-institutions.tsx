import { Alert, Badge, Button, Card, Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { useInstitutions, type Institution } from '@/features/institutions/api/institutions';
import { useSetStaffInstitutions } from '@/features/institutions/api/set-staff-institutions';
import { useStaffInstitutions, type StaffInstitutions } from '@/features/institutions/api/staff-institutions';
import { problemMessage } from '@/lib/problem-message';

function StaffCard({ staff, institutions }: { staff: StaffInstitutions; institutions: Institution[] }): ReactNode {
  const { t, i18n } = useTranslation(['institutions', 'administration']);
  const [chosen, setChosen] = useState(staff.institutionIds);
  const save = useSetStaffInstitutions();
  const nameOf = (institution: Institution): string => (i18n.language === 'zh-CN' ? institution.name : institution.nameEn);
  const primary = institutions.find((i) => i.id === staff.primaryInstitutionId);
  const changed = [...chosen].sort().join() !== [...staff.institutionIds].sort().join();
  return (
    <Card withBorder padding="md" component="article" aria-label={staff.fullName}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4">
            {staff.fullName}
          </Title>
          <Group gap={4}>
            {staff.roles.map((role) => (
              <Badge key={role} variant="light">
                {t(`administration:roles.${role}`, { defaultValue: role })}
              </Badge>
            ))}
          </Group>
        </Group>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {staff.email}
        </Text>
        {primary && <Text size="sm">{t('staff.primary', { name: nameOf(primary) })}</Text>}
        {staff.institutionIds.length === 0 && !primary && (
          <Text size="sm" fw={600}>
            {t('staff.none')}
          </Text>
        )}
        <Checkbox.Group label={t('staff.institutionsOf', { name: staff.fullName })} value={chosen} onChange={setChosen}>
          <Stack gap={6} mt={6}>
            {institutions.map((institution) => (
              <Checkbox key={institution.id} value={institution.id} label={nameOf(institution)} disabled={!institution.editable} />
            ))}
          </Stack>
        </Checkbox.Group>
        {save.isError && (
          <Alert color="red" role="alert">
            {problemMessage(save.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            size="sm"
            disabled={!changed}
            loading={save.isPending}
            aria-label={t('staff.saveFor', { name: staff.fullName })}
            onClick={() => save.mutate({ accountId: staff.accountId, institutionIds: chosen }, { onSuccess: () => notifications.show({ message: t('saved') }) })}
          >
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Admin: who works at which institution (a new registrar, nurse or pharmacist needs one before scanning health codes). */
export default function StaffInstitutionsRoute(): ReactNode {
  const { t } = useTranslation('institutions');
  const staff = useStaffInstitutions();
  const institutions = useInstitutions();
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const shown = (staff.data ?? []).filter((s) => !needle || s.fullName.toLowerCase().includes(needle) || s.email.toLowerCase().includes(needle));
  return (
    <Page title={t('staff.title')}>
      <TextInput label={t('staff.search')} type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
      {staff.isPending || institutions.isPending ? (
        <PageLoader />
      ) : staff.isError || institutions.isError ? (
        <Alert color="red" role="alert">
          {problemMessage(staff.error ?? institutions.error, t)}
        </Alert>
      ) : shown.length === 0 ? (
        <Text>{t('staff.noMatch')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {shown.map((s) => (
            <StaffCard key={s.accountId} staff={s} institutions={institutions.data.institutions} />
          ))}
        </SimpleGrid>
      )}
    </Page>
  );
}
