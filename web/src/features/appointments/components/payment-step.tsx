import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCreditCard } from '@tabler/icons-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTimeIn, formatMoney } from '@/lib/date-time';
import type { Appointment } from '../api/schemas';
import { useSimulatePayment } from '../api/simulate-payment';
import { useStartPayment } from '../api/start-payment';
import { ProblemAlert } from '@/components/problem-alert';
import { PaymentMethods } from '@/components/payment-methods';

/**
 * The pay step of a held appointment. With the simulated gateway (development and tests) the payer chooses the
 * outcome; with a real provider the payment completes there and this page updates when it is confirmed.
 */
export function PaymentStep({ appointment, onPaid }: { appointment: Appointment; onPaid: () => void }): ReactNode {
  const { t, i18n } = useTranslation('appointments');
  const start = useStartPayment();
  const simulate = useSimulatePayment();
  const started = useRef(false);

  useEffect(() => {
    if (!started.current) {
      started.current = true;
      start.mutate(appointment.id);
    }
  }, [appointment.id, start]);

  const pay = (outcome: 'Succeed' | 'Fail'): void => {
    if (!start.data) return;
    simulate.mutate(
      { paymentId: start.data.paymentId, outcome },
      {
        onSuccess: (payment) => {
          if (payment.status === 'Succeeded') onPaid();
          else start.mutate(appointment.id);
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      <Text>
        {t('pay.amount', { amount: formatMoney(appointment.fee, appointment.currency, i18n.language) })}
      </Text>
      {appointment.holdExpiresAt && (
        <Text size="sm" c="dimmed">
          {t('pay.heldUntil', { time: formatDateTimeIn(appointment.holdExpiresAt, appointment.timeZone, i18n.language) })}
        </Text>
      )}
      {start.isError && <ProblemAlert error={start.error} />}
      {simulate.isError && <ProblemAlert error={simulate.error} />}
      {simulate.data?.status === 'Failed' && (
        <Alert color="orange" role="alert">
          {t('pay.declined')}
        </Alert>
      )}
      {start.data && !start.data.simulated && <PaymentMethods paymentId={start.data.paymentId} onPaid={onPaid} />}
      {start.data?.simulated && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('pay.simulatedNote')}
          </Text>
          <Group>
            <Button leftSection={<IconCreditCard size={16} aria-hidden="true" />} loading={simulate.isPending} onClick={() => pay('Succeed')}>
              {t('pay.payNow')}
            </Button>
            <Button variant="outline" color="red" disabled={simulate.isPending} onClick={() => pay('Fail')}>
              {t('pay.decline')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
