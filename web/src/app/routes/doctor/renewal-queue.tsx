import { Alert, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { useDoctorQueue } from '@/features/renewals/api/get-doctor-queue';
import { RenewalQueueList } from '@/features/renewals/components/renewal-queue-list';
import { useRenewalsLive } from '@/features/renewals/components/use-renewals-live';
import { problemMessage } from '@/lib/problem-message';

/** The doctor's renewal queue: their own patients first, new requests arrive live. */
export default function DoctorRenewalQueueRoute(): ReactNode {
  const { t } = useTranslation('renewals');
  const queue = useDoctorQueue();
  useRenewalsLive();
  return (
    <Page title={t('doctor.queueTitle')}>
      {queue.isError && <Alert color="red" role="alert">{problemMessage(queue.error, t)}</Alert>}
      {queue.data && (
        <Stack gap="xl">
          <RenewalQueueList title={t('doctor.waiting')} items={queue.data.waiting} linkTo={(id) => `/doctor/renewals/${id}`} linkKey="doctor.open" showRouting />
          <RenewalQueueList title={t('doctor.recent')} items={queue.data.recentlyDecided} linkTo={(id) => `/doctor/renewals/${id}`} linkKey="doctor.open" />
        </Stack>
      )}
    </Page>
  );
}
