import { Alert, Badge, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '@/components/page';
import { useDoctorRenewal } from '@/features/renewals/api/get-doctor-renewal';
import { DoctorDecision } from '@/features/renewals/components/doctor-decision';
import { CheckAnswersList, MedicationHistory } from '@/features/renewals/components/patient-history';
import { PrescriptionCard } from '@/features/renewals/components/prescription-card';
import { RenewalAttending } from '@/features/renewals/components/renewal-attending';
import { RenewalStatusBadge } from '@/features/renewals/components/renewal-status-badge';
import { problemMessage } from '@/lib/problem-message';
import { formatDay } from '@/lib/date-time';

/** One renewal request as the doctor decides on it. */
export default function DoctorRenewalReviewRoute(): ReactNode {
  const { t, i18n } = useTranslation('renewals');
  const { renewalId = '' } = useParams();
  const renewal = useDoctorRenewal(renewalId);
  const data = renewal.data;
  return (
    <Page title={data ? t('doctor.reviewTitle', { reference: data.reference, name: data.patient.name }) : t('doctor.queueTitle')}>
      {renewal.isError && <Alert color="red" role="alert">{problemMessage(renewal.error, t)}</Alert>}
      {data && (
        <Stack gap="lg">
          <Group gap="sm" wrap="wrap">
            <Text>{t('doctor.patient', { name: data.patient.name, age: data.patient.age, sex: t(`sex.${data.patient.sex}`, { defaultValue: data.patient.sex }) })}</Text>
            <RenewalStatusBadge summary={{ status: data.status, readyToCollect: false, awaitsPayment: false, fulfilment: data.fulfilment }} />
            {data.flags.length > 0 && (
              <Badge color="red.9" variant="filled" styles={{ label: { textTransform: 'none' } }}>
                {t('doctor.flagged')}
              </Badge>
            )}
          </Group>
          {data.attending && <RenewalAttending attending={data.attending} />}
          {data.pharmacistReason && data.status === 'PharmacistRejected' && (
            <Alert color="orange">{t('doctor.pharmacistReturned', { reason: data.pharmacistReason })}</Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Stack gap="lg">
              <CheckAnswersList answers={data.answers} />
              {data.canDecide ? (
                <DoctorDecision renewal={data} />
              ) : (
                <Text>{t('doctor.decided', { status: t(`status.${data.status}`) })}</Text>
              )}
              {data.prescriptions.map((p) => (
                <PrescriptionCard key={p.id} prescription={p} />
              ))}
            </Stack>
            <Stack gap="lg">
              <Stack component="section" aria-labelledby="diagnoses-heading" gap={4}>
                <Title order={2} size="h4" id="diagnoses-heading">
                  {t('doctor.diagnoses')}
                </Title>
                <List spacing={2}>
                  {data.diagnoses.map((d) => (
                    <List.Item key={`${d.icd10Code}-${d.diagnosedOn}`}>
                      {d.icd10Code} {d.description} · {formatDay(d.diagnosedOn, i18n.language)}
                      {d.inPerson ? ` · ${t('doctor.inPerson')}` : ''}
                    </List.Item>
                  ))}
                </List>
              </Stack>
              <MedicationHistory medications={data.medications} allergies={data.allergies} asOf={data.hisAsOf} title={t('doctor.medications')} />
            </Stack>
          </SimpleGrid>
        </Stack>
      )}
    </Page>
  );
}
