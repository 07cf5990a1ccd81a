import { Alert, Button, Card, Stack, Text } from '@mantine/core';
import { IconStethoscope } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyStateCard } from '@/components/empty-state-card';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { PaymentMethods } from '@/components/payment-methods';
import { ProblemAlert } from '@/components/problem-alert';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';
import { consultationsQueryKey, useGiveConsent, useMyConsultations, usePayConsultation, type Consultation } from '@/features/consultations/api/consultations';
import { ConsultationCard } from '@/features/consultations/components/consultation-card';
import { formatInstant } from '@/lib/date-time';

/** "My consultations" (我的会诊): consent to a remote consultation, and read the specialist's signed opinion. */
export default function MyConsultationsRoute(): ReactNode {
  const { t } = useTranslation('consultations');
  const patientId = useActingPatient().patient?.id;
  const consultations = useMyConsultations(patientId);
  return (
    <Page title={t('pages.mine')} description={<Text c="dimmed">{t('pages.mineHelp')}</Text>}>
      {!patientId || consultations.isPending ? (
        <PageLoader />
      ) : consultations.isError ? (
        <ProblemAlert error={consultations.error} />
      ) : (
        <>
          <Consent patientId={patientId} pending={consultations.data.pendingConsent} />
          {consultations.data.consultations.length === 0 ? (
            <EmptyStateCard title={t('empty.mineTitle')} message={t('empty.mine')} icon={<IconStethoscope size={20} />} />
          ) : (
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('pages.mine')}>
              {consultations.data.consultations.map((consultation) => (
                <ConsultationCard key={consultation.id} consultation={consultation}>
                  <PatientActions patientId={patientId} consultation={consultation} />
                </ConsultationCard>
              ))}
            </Stack>
          )}
        </>
      )}
    </Page>
  );
}

function Consent({ patientId, pending }: { patientId: string; pending: { givenBy: string; givenAt: string; validUntil: string } | null }): ReactNode {
  const { t, i18n } = useTranslation('consultations');
  const give = useGiveConsent(patientId);
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="xs">
        <Text size="sm">{t('mine.consentHelp')}</Text>
        {give.isError && <ProblemAlert error={give.error} />}
        {pending ? (
          <Alert color="green">{t('mine.consentGiven', { name: pending.givenBy, at: formatInstant(pending.givenAt, i18n.language), until: formatInstant(pending.validUntil, i18n.language) })}</Alert>
        ) : (
          <Button loading={give.isPending} onClick={() => give.mutate()}>
            {t('mine.consent')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

function PatientActions({ patientId, consultation }: { patientId: string; consultation: Consultation }): ReactNode {
  const { t } = useTranslation('consultations');
  const pay = usePayConsultation(patientId);
  const queryClient = useQueryClient();
  const open = consultation.status === 'Requested' || consultation.status === 'Scheduled';
  const choosing = pay.data && !pay.data.simulated && pay.variables === consultation.id;
  return (
    <Stack gap="xs">
      {pay.isError && <ProblemAlert error={pay.error} />}
      {consultation.fee > 0 && !consultation.feePaid && open && (
        <>
          {choosing ? (
            <PaymentMethods paymentId={pay.data.paymentId} onPaid={() => void queryClient.invalidateQueries({ queryKey: consultationsQueryKey })} />
          ) : (
            <Button loading={pay.isPending} onClick={() => pay.mutate(consultation.id)}>
              {t('mine.pay')}
            </Button>
          )}
        </>
      )}
      {consultation.roomId && (
        <Button component={Link} to={`/visits/${consultation.roomId}`} color="teal">
          {t('mine.joinRoom')}
        </Button>
      )}
    </Stack>
  );
}
