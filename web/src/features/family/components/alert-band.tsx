import { Alert, Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemMessage } from '@/lib/problem-message';
import { formatDateTime, parseInstant } from '@/lib/date-time';
import { useAcknowledgeAlert } from '../api/acknowledge-alert';
import { useAlerts, type ReadingAlert } from '../api/get-alerts';
import { findingTexts, formatReading } from '../lib/format';
import { useFamilyLiveUpdates } from '../lib/use-family-live-updates';

function AlertItem({ alert }: { alert: ReadingAlert }): ReactNode {
  const { t, i18n } = useTranslation('family');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const acknowledge = useAcknowledgeAlert();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    acknowledge.mutate({ alertId: alert.id, note: note.trim() || undefined });
  };

  return (
    <Stack gap={4} component="li">
      <Group gap="xs" wrap="wrap">
        <Anchor component={Link} to={`/panel/patients/${alert.patientId}`} fw={700} c="red.9">
          {alert.patientName}
        </Anchor>
        <Text fw={700}>{formatReading(alert.reading, t)}</Text>
        <Text size="sm">{findingTexts(alert.reading.findings, t).join(language.startsWith('en') ? '; ' : '；')}</Text>
        <Text size="sm" c="dimmed">
          {formatDateTime(parseInstant(alert.raisedAt) ?? new Date(), language)}
        </Text>
      </Group>
      {acknowledge.error ? (
        <Text size="sm" c="red.9" role="alert">
          {problemMessage(acknowledge.error, t)}
        </Text>
      ) : null}
      {open ? (
        <form noValidate onSubmit={submit}>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput label={t('alerts.note')} maxLength={500} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
            <Button type="submit" color="red" loading={acknowledge.isPending}>
              {t('alerts.confirm')}
            </Button>
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('cancel')}
            </Button>
          </Group>
        </form>
      ) : (
        <Group>
          <Button size="xs" color="red.9" onClick={() => setOpen(true)} aria-label={t('alerts.acknowledgeFor', { name: alert.patientName })}>
            {t('alerts.acknowledge')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/**
 * Open alerts from dangerous home readings, at the top of the panel. A new one arrives live and is announced
 * at once (an alert toast) so nobody has to reload to see it.
 */
export function AlertBand(): ReactNode {
  const { t } = useTranslation('family');
  const alerts = useAlerts();
  useFamilyLiveUpdates(() => {
    notifications.show({
      color: 'red',
      title: t('alerts.newTitle'),
      message: t('alerts.newMessage'),
      icon: <IconAlertTriangle size={18} aria-hidden="true" />,
      autoClose: false,
      closeButtonProps: { 'aria-label': t('close') },
    });
  });

  if (!alerts.data || alerts.data.length === 0) {
    return alerts.isError ? (
      <Alert color="red" role="alert">
        {problemMessage(alerts.error, t)}
      </Alert>
    ) : null;
  }

  return (
    <Card component="section" aria-labelledby="alerts-heading" withBorder radius="md" padding="md" bg="red.0" style={{ borderColor: 'var(--mantine-color-red-9)' }}>
      <Group gap="xs" mb="xs" wrap="nowrap">
        <IconAlertTriangle color="var(--mantine-color-red-9)" aria-hidden="true" />
        <Title order={2} size="h4" id="alerts-heading" c="red.9">
          {t('alerts.title', { count: alerts.data.length })}
        </Title>
      </Group>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {alerts.data.map((alert) => (
          <AlertItem key={alert.id} alert={alert} />
        ))}
      </Stack>
    </Card>
  );
}
