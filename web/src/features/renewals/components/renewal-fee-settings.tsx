import { Alert, Button, Card, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/lib/problem-message';
import { useRenewalSettings } from '../api/get-renewal-settings';
import { useUpdateRenewalSettings } from '../api/update-renewal-settings';

/** The administrator's renewal fee (0 = none) and, for reference, the long-prescription limit. */
export function RenewalFeeSettings(): ReactNode {
  const { t } = useTranslation('renewals');
  const settings = useRenewalSettings();
  const update = useUpdateRenewalSettings();
  const [fee, setFee] = useState<number | string | null>(null);
  const value = fee ?? settings.data?.fee ?? '';

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="renewal-settings-heading">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate(Number(value), { onSuccess: () => setFee(null) });
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="renewal-settings-heading">
            {t('admin.title')}
          </Title>
          <NumberInput
            label={t('admin.fee', { currency: settings.data?.currency ?? 'CNY' })}
            description={t('admin.feeHint')}
            min={0}
            max={10000}
            decimalScale={2}
            value={value}
            onChange={setFee}
            disabled={!settings.data}
          />
          {settings.data && <Text size="sm">{t('admin.limit', { days: settings.data.longPrescriptionMaxDays })}</Text>}
          {update.isError && <Alert color="red" role="alert">{problemMessage(update.error, t)}</Alert>}
          {update.isSuccess && fee === null && <Text role="status">{t('admin.saved')}</Text>}
          <Button type="submit" w="fit-content" loading={update.isPending} disabled={!settings.data}>
            {t('admin.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
