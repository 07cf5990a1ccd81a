import { Alert, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { usePharmacyQueue } from '@/features/renewals/api/get-pharmacy-queue';
import { DutyPanel } from '@/features/renewals/components/duty-panel';
import { RenewalQueueList } from '@/features/renewals/components/renewal-queue-list';
import { useRenewalsLive } from '@/features/renewals/components/use-renewals-live';
import { problemMessage } from '@/lib/problem-message';

/** The pharmacist's home (处方审核): who is on duty, prescriptions to review, then dispensing; new items arrive live. */
export default function ReviewQueueRoute(): ReactNode {
  const { t } = useTranslation('renewals');
  const queue = usePharmacyQueue();
  useRenewalsLive();
  const link = (id: string): string => `/review-queue/${id}`;
  return (
    <Page title={t('pharmacy.title')}>
      {queue.isError && <Alert color="red" role="alert">{problemMessage(queue.error, t)}</Alert>}
      {queue.data && (
        <Stack gap="xl">
          <DutyPanel onDuty={queue.data.onDuty} iAmOnDuty={queue.data.iAmOnDuty} />
          <RenewalQueueList title={t('pharmacy.toReview')} items={queue.data.toReview} linkTo={link} linkKey="pharmacy.open" />
          <RenewalQueueList title={t('pharmacy.toDispense')} items={queue.data.toDispense} linkTo={link} linkKey="pharmacy.open" />
          <RenewalQueueList title={t('pharmacy.awaitingPayment')} items={queue.data.awaitingPayment} linkTo={link} linkKey="pharmacy.open" />
          <RenewalQueueList title={t('pharmacy.dispensed')} items={queue.data.dispensed} linkTo={link} linkKey="pharmacy.open" />
        </Stack>
      )}
    </Page>
  );
}
