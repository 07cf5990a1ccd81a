import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '@/lib/date-time';
import type { PharmacistRenewal } from '../api/get-pharmacist-renewal';
import { useRecordDispensing } from '../api/record-dispensing';
import { ProblemAlert } from '@/components/problem-alert';

/**
 * What the pharmacy does after approval, step by step: dispense (with courier and tracking number for a
 * delivery), move the delivery on, hand over against the patient's pickup code, or confirm delivery.
 */
export function DispensingPanel({ renewal }: { renewal: PharmacistRenewal }): ReactNode {
  const { t, i18n } = useTranslation('renewals');
  const record = useRecordDispensing(renewal.id);
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  let body: ReactNode = null;
  if (renewal.awaitsPayment) {
    body = <Text>{t('pharmacy.fee', { amount: formatMoney(renewal.feeDue, renewal.currency, i18n.language) })}</Text>;
  } else if (renewal.readyToDispense) {
    body =
      renewal.fulfilment === 'Delivery' ? (
        <Stack gap="xs">
          <TextInput label={t('pharmacy.carrier')} value={carrier} onChange={(e) => setCarrier(e.currentTarget.value)} required />
          <TextInput label={t('pharmacy.trackingNumber')} value={tracking} onChange={(e) => setTracking(e.currentTarget.value)} required />
          <Button
            w="fit-content"
            loading={record.isPending}
            onClick={() => {
              if (!carrier.trim() || !tracking.trim()) {
                setError(t('validation.tracking'));
                return;
              }
              setError(null);
              record.mutate({ step: 'dispense', carrier: carrier.trim(), trackingNumber: tracking.trim() });
            }}
          >
            {t('pharmacy.dispense')}
          </Button>
        </Stack>
      ) : (
        <Button w="fit-content" loading={record.isPending} onClick={() => record.mutate({ step: 'dispense' })}>
          {t('pharmacy.dispense')}
        </Button>
      );
  } else if (renewal.status === 'Dispensed' && renewal.fulfilment === 'Pickup') {
    body = (
      <Stack gap="xs">
        <TextInput
          label={t('pharmacy.pickupCode')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          required
        />
        <Button
          w="fit-content"
          loading={record.isPending}
          onClick={() => {
            if (!code.trim()) {
              setError(t('validation.pickupCode'));
              return;
            }
            setError(null);
            record.mutate({ step: 'picked-up', pickupCode: code.trim() });
          }}
        >
          {t('pharmacy.pickedUp')}
        </Button>
      </Stack>
    );
  } else if (renewal.status === 'Dispensed') {
    body = (
      <Group>
        {renewal.delivery?.status === 'Shipped' && (
          <Button variant="default" loading={record.isPending} onClick={() => record.mutate({ step: 'delivery', status: 'InTransit' })}>
            {t('pharmacy.inTransit')}
          </Button>
        )}
        {renewal.delivery?.status !== 'OutForDelivery' && (
          <Button variant="default" loading={record.isPending} onClick={() => record.mutate({ step: 'delivery', status: 'OutForDelivery' })}>
            {t('pharmacy.outForDelivery')}
          </Button>
        )}
        <Button loading={record.isPending} onClick={() => record.mutate({ step: 'delivered' })}>
          {t('pharmacy.delivered')}
        </Button>
      </Group>
    );
  }

  if (body === null) return null;
  return (
    <Stack component="section" aria-labelledby="dispensing-heading" gap="xs">
      <Title order={2} size="h4" id="dispensing-heading">
        {t('pharmacy.dispensing')}
      </Title>
      {body}
      {error && (
        <Text c="red.9" role="alert">
          {error}
        </Text>
      )}
      {record.isError && <ProblemAlert error={record.error} />}
    </Stack>
  );
}
