import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { QRCodeSVG } from 'qrcode.react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PaymentMethods } from '@/components/payment-methods';
import { problemMessage } from '@/lib/problem-message';
import { useCancelRenewal } from '../api/cancel-renewal';
import type { PatientRenewal } from '../api/get-my-renewal';
import { renewalsQueryKey } from '../api/schemas';
import { usePayRenewalFee } from '../api/pay-renewal-fee';
import { drugName } from '../lib/format';
import { PrescriptionCard } from './prescription-card';
import { RenewalStatusBadge } from './renewal-status-badge';
import { formatInstant, formatMoney } from '@/lib/date-time';

/**
 * The patient's view of one request: where it stands, what to do next (pay, collect with the QR code, book a
 * video visit), the approved prescription, the delivery and the steps so far.
 */
export function RenewalDetail({ patientId, renewal }: { patientId: string; renewal: PatientRenewal }): ReactNode {
  const { t, i18n } = useTranslation('renewals');

  return (
    <Stack gap="lg">
      <Group gap="sm" wrap="wrap">
        <RenewalStatusBadge summary={renewal} />
        <Text size="sm" c="dimmed">
          {t('detail.submittedAt', { time: formatInstant(renewal.submittedAt, i18n.language) })}
        </Text>
      </Group>

      <NextStep patientId={patientId} renewal={renewal} />

      {renewal.prescription && <PrescriptionCard prescription={renewal.prescription} />}

      {renewal.delivery && (
        <Card withBorder radius="md" padding="md" component="section" aria-label={t('detail.delivery')}>
          <Title order={2} size="h4" mb="xs">
            {t('detail.delivery')}
          </Title>
          <Text size="sm">{t('detail.address', { address: renewal.delivery.address })}</Text>
          {renewal.delivery.trackingNumber && (
            <Text size="sm">{t('detail.tracking', { carrier: renewal.delivery.carrier, number: renewal.delivery.trackingNumber })}</Text>
          )}
          {renewal.delivery.status && (
            <Text size="sm" fw={600}>
              {t(`detail.deliveryStatus.${renewal.delivery.status}`)}
            </Text>
          )}
        </Card>
      )}

      <Stack component="section" aria-labelledby="renewal-items" gap="xs">
        <Title order={2} size="h4" id="renewal-items">
          {t('detail.medicines')}
        </Title>
        <List>
          {renewal.items.map((item) => (
            <List.Item key={item.id}>
              {drugName(i18n.language, item.drugName, item.drugNameEn)} {item.strength} · {t('medications.daysSupply', { count: item.daysSupply })}
            </List.Item>
          ))}
        </List>
      </Stack>

      <Stack component="section" aria-labelledby="renewal-progress" gap="xs">
        <Title order={2} size="h4" id="renewal-progress">
          {t('detail.progress')}
        </Title>
        <Timeline active={renewal.history.length - 1} bulletSize={18} lineWidth={2}>
          {renewal.history.map((event) => (
            <Timeline.Item key={event.sequence} title={t(`status.${event.status}`)}>
              <Text size="xs" c="dimmed">
                {formatInstant(event.at, i18n.language)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>

      {renewal.canCancel && <CancelButton patientId={patientId} renewalId={renewal.id} />}
    </Stack>
  );
}

function NextStep({ patientId, renewal }: { patientId: string; renewal: PatientRenewal }): ReactNode {
  const { t, i18n } = useTranslation('renewals');
  const pay = usePayRenewalFee(patientId, renewal.id);
  const queryClient = useQueryClient();

  if (renewal.readyToCollect && renewal.pickupCode) {
    return (
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="pickup-heading">
        <Stack align="center" gap="sm">
          <Title order={2} size="h3" id="pickup-heading">
            {t('detail.readyForPickup')}
          </Title>
          <div role="img" aria-label={t('detail.qrLabel', { code: renewal.pickupCode })} style={{ background: '#fff', padding: 12 }}>
            <QRCodeSVG value={renewal.pickupCode} size={192} level="M" aria-hidden="true" />
          </div>
          <Text size="sm">{t('detail.pickupCode')}</Text>
          <Text fz={28} fw={700} ff="monospace" style={{ letterSpacing: '0.15em' }}>
            {renewal.pickupCode}
          </Text>
          <Text ta="center">{t('detail.showAtWindow')}</Text>
        </Stack>
      </Card>
    );
  }

  if (renewal.awaitsPayment) {
    return (
      <Alert color="orange" title={t('detail.awaitingPayment')}>
        <Stack gap="sm">
          <Text>{t('detail.feeText')}</Text>
          {pay.isError && (
            <Text c="red.9" role="alert">
              {problemMessage(pay.error, t)}
            </Text>
          )}
          {pay.data?.status === 'Failed' && (
            <Text c="red.9" role="alert">
              {t('detail.paymentFailed')}
            </Text>
          )}
          {pay.data && !pay.data.simulated ? (
            <PaymentMethods paymentId={pay.data.paymentId} onPaid={() => void queryClient.invalidateQueries({ queryKey: renewalsQueryKey })} />
          ) : (
            <Button onClick={() => pay.mutate()} loading={pay.isPending} w="fit-content">
              {t('detail.pay', { amount: formatMoney(renewal.feeDue, renewal.currency, i18n.language) })}
            </Button>
          )}
        </Stack>
      </Alert>
    );
  }

  switch (renewal.status) {
    case 'VisitRequired':
      return (
        <Alert color="blue" title={t('detail.visitRequired')}>
          <Stack gap="xs">
            {renewal.doctorReason && <Text>{t('detail.reason', { reason: renewal.doctorReason })}</Text>}
            {renewal.visitDoctorId && (
              <Anchor component={Link} to={`/appointments/new?doctorId=${encodeURIComponent(renewal.visitDoctorId)}&visitType=Video`} fw={600}>
                {t('detail.bookVisit')}
              </Anchor>
            )}
          </Stack>
        </Alert>
      );
    case 'DoctorRejected':
      return (
        <Alert color="gray" title={t('detail.rejected')} icon={<IconAlertCircle aria-hidden="true" />}>
          {renewal.doctorReason && t('detail.reason', { reason: renewal.doctorReason })}
        </Alert>
      );
    case 'Submitted':
      return <Text>{t('detail.waitingDoctor')}</Text>;
    case 'DoctorApproved':
      return <Text>{t('detail.waitingPharmacist')}</Text>;
    case 'PharmacistRejected':
      return <Text>{t('detail.returned')}</Text>;
    case 'PickedUp':
    case 'Delivered':
      return (
        <Group gap="xs">
          <IconCircleCheck aria-hidden="true" color="var(--mantine-color-teal-7)" />
          <Text>{t('detail.done')}</Text>
        </Group>
      );
    default:
      return null;
  }
}

function CancelButton({ patientId, renewalId }: { patientId: string; renewalId: string }): ReactNode {
  const { t } = useTranslation('renewals');
  const cancel = useCancelRenewal(patientId, renewalId);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button variant="default" color="red" onClick={() => setConfirming(true)} w="fit-content">
        {t('detail.cancel')}
      </Button>
    );
  }
  return (
    <Alert color="red" title={t('detail.cancelConfirm')}>
      {cancel.isError && <Text role="alert">{problemMessage(cancel.error, t)}</Text>}
      <Group mt="sm">
        <Button color="red" onClick={() => cancel.mutate()} loading={cancel.isPending}>
          {t('detail.cancel')}
        </Button>
        <Button variant="default" onClick={() => setConfirming(false)}>
          {t('detail.keep')}
        </Button>
      </Group>
    </Alert>
  );
}
