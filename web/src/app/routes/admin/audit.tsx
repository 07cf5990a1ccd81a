import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { AuditChainCheck } from '@/features/administration/components/audit-chain-check';
import { PatientAuditSearch } from '@/features/administration/components/patient-audit-search';

/** The audit administrator's page: verify the audit chain, and see who touched a patient's data. Read-only. */
export default function AuditRoute(): ReactNode {
  const { t } = useTranslation('administration');
  return (
    <Page title={t('audit.title')} description={<Text c="dimmed">{t('audit.description')}</Text>}>
      <Stack gap="md">
        <AuditChainCheck />
        <PatientAuditSearch />
      </Stack>
    </Page>
  );
}
