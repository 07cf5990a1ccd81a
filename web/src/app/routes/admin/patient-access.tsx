import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { PatientAccessAdmin } from '@/features/family-members/components/patient-access-admin';

/** (System administrators) proxy relations of a patient: find and end. */
export default function PatientAccessRoute(): ReactNode {
  const { t } = useTranslation('familyMembers');
  return (
    <Page title={t('admin.title')} description={<Text c="dimmed">{t('admin.description')}</Text>}>
      <PatientAccessAdmin />
    </Page>
  );
}
