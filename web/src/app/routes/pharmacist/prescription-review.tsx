import { Alert, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '@/components/page';
import { usePharmacistRenewal } from '@/features/renewals/api/get-pharmacist-renewal';
import { DispensingPanel } from '@/features/renewals/components/dispensing-panel';
import { FindingsList } from '@/features/renewals/components/findings-list';
import { CheckAnswersList, MedicationHistory } from '@/features/renewals/components/patient-history';
import { PharmacistDecision } from '@/features/renewals/components/pharmacist-decision';
import { PrescriptionCard } from '@/features/renewals/components/prescription-card';
import { RenewalAttending } from '@/features/renewals/components/renewal-attending';
import { RenewalStatusBadge } from '@/features/renewals/components/renewal-status-badge';
import { problemMessage } from '@/lib/problem-message';
import { formatInstant } from '@/lib/date-time';

/** One signed prescription: the automated checks, the decision, then dispensing. */
export default function PrescriptionReviewRoute(): ReactNode {
  const { t, i18n } = useTranslation('renewals');
  const { renewalId = '' } = useParams();
  const renewal = usePharmacistRenewal(renewalId);
  const data = renewal.data;
  return (
    <Page title={data ? t('pharmacy.reviewTitle', { reference: data.reference, name: data.patient.name }) : t('pharmacy.title')}>
      {renewal.isError && <Alert color="red" role="alert">{problemMessage(renewal.error, t)}</Alert>}
      {data && (
        <Stack gap="lg">
          <Group gap="sm" wrap="wrap">
            <Text>{t('doctor.patient', { name: data.patient.name, age: data.patient.age, sex: t(`sex.${data.patient.sex}`, { defaultValue: data.patient.sex }) })}</Text>
            <RenewalStatusBadge summary={{ status: data.status, readyToCollect: false, awaitsPayment: data.awaitsPayment, fulfilment: data.fulfilment }} />
          </Group>
          {data.attending && <RenewalAttending attending={data.attending} />}
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Stack gap="lg">
              <FindingsList findings={data.findings} />
              <PrescriptionCard prescription={data.prescription} />
              {data.status === 'DoctorApproved' && <PharmacistDecision renewal={data} />}
              <DispensingPanel renewal={data} />
            </Stack>
            <Stack gap="lg">
              <MedicationHistory medications={data.otherMedications} allergies={data.allergies} title={t('pharmacy.otherMedications')} />
              <CheckAnswersList answers={data.answers} />
              {data.reviews.length > 0 && (
                <Stack component="section" aria-labelledby="reviews-heading" gap={4}>
                  <Title order={2} size="h4" id="reviews-heading">
                    {t('pharmacy.reviews')}
                  </Title>
                  <List spacing={2}>
                    {data.reviews.map((r) => (
                      <List.Item key={r.id}>
                        {t('pharmacy.reviewLine', {
                          name: r.pharmacistName,
                          time: formatInstant(r.at, i18n.language),
                          outcome: r.approved ? `${t('pharmacy.approve')}${r.justification ? `: ${r.justification}` : ''}` : `${t('pharmacy.reject')}: ${r.reason ?? ''}`,
                        })}
                      </List.Item>
                    ))}
                  </List>
                </Stack>
              )}
            </Stack>
          </SimpleGrid>
        </Stack>
      )}
    </Page>
  );
}
