import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAmbulance } from '@tabler/icons-react';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { crewCasesKey, useCrewCases } from '../api/emergency';
import { enqueueCrewWrite, useCrewQueue } from '../lib/crew-queue';
import { useEmergencyHub } from '../lib/emergency-hub';
import { EtaCountdown, patientLabel, PathwayBadge, timeOf, TriageBadge } from './parts';
import { SyncBadge } from './sync-status';
import { useRinging, VideoCallRing } from './video-call';

/** The crew's start screen: one big button starts a case (even with no signal); below, the service's cases. */
export function CrewHome(): ReactNode {
  const { t, i18n } = useTranslation('emergency');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const onSent = useCallback(() => void queryClient.invalidateQueries({ queryKey: crewCasesKey }), [queryClient]);
  const queue = useCrewQueue(onSent);
  const cases = useCrewCases();
  const { ringing, onVideoCall, dismiss } = useRinging();
  useEmergencyHub({ crew: true }, onVideoCall);
  const [starting, setStarting] = useState(false);

  const start = async () => {
    setStarting(true);
    // Note: the phone picks the case id, so everything recorded next can refer to it before the server has heard of it.
    const id = crypto.randomUUID();
    await enqueueCrewWrite(id, 'case', { id, firstContactAt: new Date().toISOString() });
    await navigate(`/emergency/crew/cases/${id}`);
  };

  const server = cases.data ?? [];
  const serverIds = new Set(server.map((c) => c.id));
  // Cases started on this phone that the server has not confirmed yet.
  const localOnly = [...new Set(queue.writes.filter((w) => w.kind === 'case' && !serverIds.has(w.caseId)).map((w) => w.caseId))];

  return (
    <Stack gap="lg">
      <VideoCallRing call={ringing} onDone={dismiss} />
      <Button
        size="xl"
        h={96}
        color="red.9"
        fz={26}
        leftSection={<IconAmbulance size={40} />}
        loading={starting}
        onClick={() => void start()}
        data-testid="start-case"
      >
        {t('crew.start')}
      </Button>
      <SyncBadge writes={queue.writes} />
      <Title order={2}>{t('crew.cases')}</Title>
      {localOnly.map((id) => (
        <Card key={id} withBorder padding="lg" component={Link} to={`/emergency/crew/cases/${id}`}>
          <Text fw={700}>{t('crew.caseOnPhone')}</Text>
          <SyncBadge writes={queue.writes.filter((w) => w.caseId === id)} />
        </Card>
      ))}
      {server.length === 0 && localOnly.length === 0 && !cases.isLoading && <Text c="dimmed">{t('crew.noCases')}</Text>}
      {server.map((c) => (
        <Card key={c.id} withBorder padding="lg" component={Link} to={`/emergency/crew/cases/${c.id}`}>
          <Stack gap="xs">
            <Group justify="space-between">
              <Group gap="xs">
                <TriageBadge level={c.triageLevel} />
                <PathwayBadge pathway={c.pathway} />
              </Group>
              <Text size="sm" c="dimmed">
                {t('crew.firstContact', { time: timeOf(c.firstContactAt, i18n.language) })}
              </Text>
            </Group>
            <Text fw={700}>{patientLabel(c.patient, t)}</Text>
            {c.chiefComplaint && <Text>{c.chiefComplaint}</Text>}
            <Text size="sm">{c.status === 'HandedOver' ? t('status.HandedOver') : (i18n.language === 'zh-CN' ? c.destinationName : c.destinationNameEn) ?? t('crew.noDestination')}</Text>
            {c.status === 'Open' && <EtaCountdown eta={c.eta} arrived={Boolean(c.arrivalAt)} />}
            <SyncBadge writes={queue.writes.filter((w) => w.caseId === c.id)} />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
