import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { PaperConsents } from '@/features/family-members/components/paper-consents';
import { PatientAccessAdmin } from '@/features/family-members/components/patient-access-admin';

/** (System administrators) paper consents waiting for approval; proxy relations of a patient: find and end. */
export default function PatientAccessRoute(): ReactNode {
  const { t } = useTranslation('familyMembers');
  return (
    <Page title={t('admin.title')} description={<Text c="dimmed">{t('admin.description')}</Text>}>
      <PaperConsents />
      <Stack gap="xs" component="section" aria-labelledby="patient-access-find-title">
        <Title order={2} size="h4" id="patient-access-find-title">
          {t('admin.findTitle')}
        </Title>
        <PatientAccessAdmin />
      </Stack>
    </Page>
  );
}
