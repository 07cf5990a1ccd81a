import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { ScopeGate } from '@/features/accounts/components/scope-gate';
import { hasScope, useActingPatient } from '@/features/accounts/lib/acting-patient';
import { useHealthCode } from '@/features/health-code/api/health-code';
import { DynamicCodeCard } from '@/features/health-code/components/dynamic-code-card';
import { StaticCodePanel } from '@/features/health-code/components/static-code-panel';

/** "My health code" (电子健康码): the person chosen in the switcher's code, and their printed code with its PIN. */
export default function HealthCodeRoute(): ReactNode {
  const { t } = useTranslation('healthCode');
  const { patient } = useActingPatient();
  const code = useHealthCode(patient && hasScope(patient, 'appointments') ? patient.id : undefined);
  return (
    <Page title={t('title')} description={t('description')}>
      {/* The code checks the person in and collects their medicines: it needs the appointments scope. */}
      <ScopeGate scope="appointments">
        {!patient ? (
          <PageLoader />
        ) : (
          <Stack gap="lg" maw={420}>
            <DynamicCodeCard key={patient.id} patientId={patient.id} patientName={patient.name} />
            {code.data && <StaticCodePanel patientId={patient.id} code={code.data} />}
          </Stack>
        )}
      </ScopeGate>
    </Page>
  );
}
