import { Alert, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/get-me';
import { useUpdateNotificationChannels } from '../api/update-notification-channels';

/** E-mail and SMS on or off; SMS reminders wait for the morning (22:00-07:00) and go only to a verified number. */
export function NotificationChannels(): ReactNode {
  const { t } = useTranslation('notifications');
  const { data: me } = useMe();
  const update = useUpdateNotificationChannels();
  const channels = me?.channels;
  if (!channels) return null;

  const save = (change: { email?: boolean; sms?: boolean }): void =>
    update.mutate({ email: change.email ?? channels.email, sms: change.sms ?? channels.sms, timeZone: channels.timeZone ?? null });

  return (
    <Paper withBorder p="md" radius="md" maw={560}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('channels.title')}
        </Title>
        <Switch label={t('channels.email')} checked={channels.email} onChange={(event) => save({ email: event.currentTarget.checked })} disabled={update.isPending} />
        <Switch
          label={t('channels.sms')}
          description={channels.mobileVerified ? t('channels.smsDescription', { mobile: channels.maskedMobile ?? '' }) : t('channels.smsUnverified')}
          checked={channels.sms && channels.mobileVerified}
          disabled={!channels.mobileVerified || update.isPending}
          onChange={(event) => save({ sms: event.currentTarget.checked })}
        />
        <Text size="sm" c="dimmed">
          {t('channels.quietHours')}
        </Text>
        {update.isError && (
          <Alert color="red" role="alert">
            {t('channels.failed')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
