import { Badge, Card, Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { useBoard } from '../api/emergency';
import type { BoardCase } from '../api/schemas';
import { useEmergencyHub } from '../lib/emergency-hub';
import { EtaCountdown, patientLabel, PathwayBadge, timeOf, TriageBadge, VitalsLine } from './parts';

/** Who acknowledged which alert ("Stroke team: 孙浩 08:42", or "not yet acknowledged" in red). */
export function AlertLines({ item }: { item: Pick<BoardCase, 'alerts'> }): ReactNode {
  const { t, i18n } = useTranslation('emergency');
  return (
    <Stack gap={2}>
      {item.alerts.map((alert) => (
        <Group key={alert.id} gap="xs" data-testid="alert-line">
          <Badge color="red.9" variant="filled" size="md">
            {t('alerts.team', { pathway: t(`pathway.${alert.pathway}`, { defaultValue: alert.pathway }) })}
          </Badge>
          {alert.acks.length === 0 ? (
            <Text size="sm" c="red.9" fw={700}>
              {t('alerts.notAcknowledged')}
            </Text>
          ) : (
            <Text size="sm">{t('alerts.acknowledgedBy', { names: alert.acks.map((ack) => `${ack.name} ${timeOf(ack.at, i18n.language)}`).join(', ') })}</Text>
          )}
        </Group>
      ))}
    </Stack>
  );
}

function BoardCard({ item }: { item: BoardCase }): ReactNode {
  const { t, i18n } = useTranslation('emergency');
  return (
    <Card withBorder padding="md" component={Link} to={`/emergency/board/cases/${item.id}`} data-testid="board-case">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Group gap="xs">
            <TriageBadge level={item.triageLevel} size="xl" />
            <PathwayBadge pathway={item.pathway} />
            {item.acceptedAt && <Badge color="teal.9">{t('board.accepted')}</Badge>}
          </Group>
          <EtaCountdown eta={item.eta} arrived={Boolean(item.arrivalAt)} />
        </Group>
        <Text fw={700} size="lg">
          {patientLabel(item.patient, t)}
        </Text>
        {item.chiefComplaint && <Text>{item.chiefComplaint}</Text>}
        <VitalsLine vitals={item.latestVitals} />
        <AlertLines item={item} />
        <Text size="sm" c="dimmed">
          {i18n.language === 'zh-CN' ? item.serviceName : item.serviceNameEn} · {t('crew.firstContact', { time: timeOf(item.firstContactAt, i18n.language) })}
        </Text>
      </Stack>
    </Card>
  );
}

/** The emergency department's live screen: incoming cases by ETA, then triage level (the server's order). */
export function Board(): ReactNode {
  const { t } = useTranslation('emergency');
  const [status, setStatus] = useState<'Open' | 'HandedOver'>('Open');
  const board = useBoard(status);
  const live = useEmergencyHub({ board: true });
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <SegmentedControl
          size="md"
          value={status}
          onChange={(value) => setStatus(value)}
          data={[
            { value: 'Open', label: t('board.incoming') },
            { value: 'HandedOver', label: t('board.handedOver') },
          ]}
        />
        <Badge size="lg" color={live === 'live' ? 'teal.9' : 'yellow'} c={live === 'live' ? undefined : 'dark'} role="status">
          {t(`board.live.${live}`)}
        </Badge>
      </Group>
      {board.isError && <ProblemAlert error={board.error} />}
      {board.data?.length === 0 && <Text c="dimmed">{t('board.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {board.data?.map((item) => <BoardCard key={item.id} item={item} />)}
      </SimpleGrid>
    </Stack>
  );
}
