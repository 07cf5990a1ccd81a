import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';
import { AddMemberForm } from '@/features/family-members/components/add-member-form';
import { MembersList } from '@/features/family-members/components/members-list';

/** 就诊人管理: the people this account books for; add a child (at once) or invite an adult (after consent). */
export default function FamilyMembersRoute(): ReactNode {
  const { t } = useTranslation('familyMembers');
  const { patient, select } = useActingPatient();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<{ name: string; pending: boolean } | null>(null);

  return (
    <Page title={t('members.title')} description={<Text c="dimmed">{t('members.description')}</Text>}>
      {added && (
        <Alert color="green" role="status" withCloseButton closeButtonLabel={t('close')} onClose={() => setAdded(null)}>
          {added.pending ? t('members.invited', { name: added.name }) : t('members.added', { name: added.name })}
        </Alert>
      )}
      <MembersList selectedId={patient?.id} onActFor={select} />
      {adding ? (
        <Card withBorder radius="md" padding="md" component="section">
          <Stack gap="sm">
            <Title order={2} size="h4" id="add-member-title">
              {t('form.title')}
            </Title>
            <AddMemberForm
              onAdded={(result, values) => {
                setAdding(false);
                setAdded({ name: values.fullName.trim(), pending: result.status === 'pending' });
              }}
            />
            <Button variant="subtle" onClick={() => setAdding(false)} w="fit-content">
              {t('cancel')}
            </Button>
          </Stack>
        </Card>
      ) : (
        <Button onClick={() => setAdding(true)} w="fit-content">
          {t('members.add')}
        </Button>
      )}
    </Page>
  );
}
