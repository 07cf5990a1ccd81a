import { Anchor, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '@/components/page';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';
import { useMyRenewal } from '@/features/renewals/api/get-my-renewal';
import { RenewalDetail } from '@/features/renewals/components/renewal-detail';
import { useRenewalsLive } from '@/features/renewals/components/use-renewals-live';
import { ProblemAlert } from '@/components/problem-alert';

/** One renewal request of the patient (updates live as it moves on). */
export default function RenewalDetailRoute(): ReactNode {
  const { t } = useTranslation('renewals');
  const { renewalId = '' } = useParams();
  const patientId = useActingPatient().patient?.id;
  const renewal = useMyRenewal(patientId, renewalId);
  useRenewalsLive();
  return (
    <Page title={t('detail.title', { reference: renewal.data?.reference ?? '' }).trim()}>
      {renewal.isError && <ProblemAlert error={renewal.error} />}
      {renewal.isPending && <Text c="dimmed">{t('form.checking')}</Text>}
      {renewal.data && patientId && <RenewalDetail patientId={patientId} renewal={renewal.data} />}
      <Anchor component={Link} to="/medications">
        {t('form.backToMedications')}
      </Anchor>
    </Page>
  );
}
