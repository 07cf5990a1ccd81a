import { Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDestinations } from '../api/emergency';
import type { EmergencyCase, Eta } from '../api/schemas';
import type { QueuedWrite } from '../lib/queue-store';
import { enqueueCrewWrite } from '../lib/crew-queue';
import { EtaCountdown, timeOf } from './parts';

const activations = ['Stroke', 'ChestPain', 'Trauma'] as const;
const crewMilestones = ['SceneDeparture', 'Arrival', 'Handover'] as const;

/** Where the patient is taken (pre-notifies that hospital), team alerts, the milestones, and the family notice. */
export function CrewTransport({
  caseId,
  current,
  waiting,
  eta,
}: {
  caseId: string;
  current: EmergencyCase | undefined;
  waiting: readonly QueuedWrite[];
  eta: Eta | null;
}): ReactNode {
  const { t, i18n } = useTranslation('emergency');
  const destinations = useDestinations();
  const queuedDestination = [...waiting].reverse().find((write) => write.kind === 'destination' && !write.rejected);
  const destinationId = (queuedDestination?.payload as { destinationId?: string } | undefined)?.destinationId ?? current?.destinationId ?? null;
  const done = new Set([...(current?.timeline.map((entry) => entry.kind) ?? []), ...waiting.filter((w) => w.kind === 'timeline' && !w.rejected).map((w) => (w.payload as { kind: string }).kind)]);
  const alerted = new Set([...(current?.alerts.map((alert) => alert.pathway) ?? []), ...waiting.filter((w) => w.kind === 'activation' && !w.rejected).map((w) => (w.payload as { pathway: string }).pathway)]);

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Text fw={700}>{t('transport.destination')}</Text>
        {destinations.data?.map((destination) => (
          <Button
            key={destination.id}
            size="xl"
            variant={destination.id === destinationId ? 'filled' : 'outline'}
            onClick={() => void enqueueCrewWrite(caseId, 'destination', { destinationId: destination.id })}
            aria-pressed={destination.id === destinationId}
          >
            {i18n.language === 'zh-CN' ? destination.name : destination.nameEn}
          </Button>
        ))}
        {destinations.isError && <Text c="dimmed">{t('transport.destinationsOffline')}</Text>}
        {destinationId && (
          <Card withBorder padding="md">
            <Text size="sm" c="dimmed">
              {t('eta.title')}
            </Text>
            <EtaCountdown eta={eta ?? current?.eta ?? null} arrived={done.has('Arrival')} />
          </Card>
        )}
      </Stack>
      <Stack gap="sm">
        <Text fw={700}>{t('transport.alertTeam')}</Text>
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          {activations.map((pathway) => (
            <Button
              key={pathway}
              size="xl"
              color="red.9"
              variant={alerted.has(pathway) ? 'outline' : 'filled'}
              disabled={!destinationId || alerted.has(pathway)}
              onClick={() => void enqueueCrewWrite(caseId, 'activation', { pathway })}
            >
              {alerted.has(pathway) ? t('transport.alerted', { pathway: t(`pathway.${pathway}`) }) : t('transport.alert', { pathway: t(`pathway.${pathway}`) })}
            </Button>
          ))}
        </SimpleGrid>
        {!destinationId && <Text size="sm" c="dimmed">{t('transport.alertNeedsDestination')}</Text>}
      </Stack>
      <Stack gap="sm">
        <Text fw={700}>{t('timeline.title')}</Text>
        {crewMilestones.map((kind) => (
          <Button key={kind} size="xl" variant={done.has(kind) ? 'light' : 'filled'} color="dark" disabled={done.has(kind)} onClick={() => void enqueueCrewWrite(caseId, 'timeline', { kind, at: new Date().toISOString() })}>
            {done.has(kind) ? t('timeline.done', { what: t(`timeline.kinds.${kind}`) }) : t(`timeline.mark.${kind}`)}
          </Button>
        ))}
        {current?.timeline.map((entry) => (
          <Group key={`${entry.kind}-${entry.at}`} gap="xs">
            <Text size="sm" fw={700}>
              {timeOf(entry.at, i18n.language)}
            </Text>
            <Text size="sm">{t(`timeline.kinds.${entry.kind}`, { defaultValue: entry.kind })}</Text>
          </Group>
        ))}
      </Stack>
      <Button size="xl" variant="outline" disabled={!destinationId || !current?.patient.known} onClick={() => void enqueueCrewWrite(caseId, 'family', {})}>
        {t('transport.notifyFamily')}
      </Button>
    </Stack>
  );
}
