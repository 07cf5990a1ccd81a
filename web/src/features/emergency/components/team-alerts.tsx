import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { useAckAlert, useTeamAlerts } from '../api/emergency';
import { useEmergencyHub } from '../lib/emergency-hub';
import { EtaCountdown, patientLabel, timeOf, TriageBadge } from './parts';

/** A team member's alerts (stroke, chest pain, trauma) of the last 24 h: acknowledge so the department sees who is coming. */
export function TeamAlerts(): ReactNode {
  const { t, i18n } = useTranslation('emergency');
  const alerts = useTeamAlerts();
  const ack = useAckAlert();
  useEmergencyHub({});
  return (
    <Stack gap="md">
      {alerts.isError && <ProblemAlert error={alerts.error} />}
      {ack.isError && <ProblemAlert error={ack.error} />}
      {alerts.data?.length === 0 && <Text c="dimmed">{t('alerts.none')}</Text>}
      {alerts.data?.map((alert) => {
        const mine = alert.acks.length > 0;
        return (
          <Card key={alert.id} withBorder padding="lg" data-testid="team-alert">
            <Stack gap="xs">
              <Group justify="space-between">
                <Group gap="xs">
                  <Badge color="red.9" size="xl">
                    {t('alerts.team', { pathway: t(`pathway.${alert.pathway}`, { defaultValue: alert.pathway }) })}
                  </Badge>
                  <TriageBadge level={alert.triageLevel} />
                </Group>
                <EtaCountdown eta={alert.eta} />
              </Group>
              <Text fw={700}>{patientLabel(alert.patient, t)}</Text>
              <Text size="sm">
                {i18n.language === 'zh-CN' ? alert.hospitalName : alert.hospitalNameEn} · {t('alerts.raised', { time: timeOf(alert.raisedAt, i18n.language), name: alert.raisedByName ?? '' })}
              </Text>
              {alert.acks.length > 0 && (
                <Text size="sm">{t('alerts.acknowledgedBy', { names: alert.acks.map((a) => `${a.name} ${timeOf(a.at, i18n.language)}`).join(', ') })}</Text>
              )}
              <Button size="lg" color="red.9" variant={mine ? 'outline' : 'filled'} loading={ack.isPending && ack.variables === alert.id} onClick={() => ack.mutate(alert.id)}>
                {t('alerts.ack', { pathway: t(`pathway.${alert.pathway}`, { defaultValue: alert.pathway }) })}
              </Button>
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
