import { Alert, Anchor, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { emergencyKey, useEmergencyCase } from '../api/emergency';
import { enqueueCrewWrite, useCrewQueue } from '../lib/crew-queue';
import { useEmergencyHub } from '../lib/emergency-hub';
import { useCrewPosition } from '../lib/use-crew-position';
import { CrewAssessment } from './crew-assessment';
import { CrewMedia } from './crew-media';
import { CrewPatient, type ScannerSlot } from './crew-patient';
import { CrewTransport } from './crew-transport';
import { CrewVitals } from './crew-vitals';
import { CaseMessages } from './messages';
import { EtaCountdown, patientLabel, PathwayBadge, TriageBadge } from './parts';
import { RefusedWrites, SyncBadge } from './sync-status';
import { crewCallPath, useRinging, VideoCallRing } from './video-call';

const tabs = ['patient', 'assessment', 'vitals', 'media', 'transport', 'messages'] as const;

/** One case on the crew's phone: everything is recorded on the phone first and sent when there is signal. */
export function CrewCase({ caseId, Scanner }: { caseId: string; Scanner: ScannerSlot }): ReactNode {
  const { t } = useTranslation('emergency');
  const queryClient = useQueryClient();
  const onSent = useCallback(() => void queryClient.invalidateQueries({ queryKey: emergencyKey }), [queryClient]);
  const queue = useCrewQueue(onSent);
  const writes = queue.writes.filter((write) => write.caseId === caseId);
  const onServer = !writes.some((write) => write.kind === 'case' && !write.rejected);
  const current = useEmergencyCase(caseId, onServer);
  const data = current.data;
  const navigate = useNavigate();
  const { ringing, onVideoCall, dismiss } = useRinging();
  useEmergencyHub({ caseId: data ? caseId : undefined, crew: true }, onVideoCall);
  // Note: positions only once the server has the case (else they are refused) and it has somewhere to go.
  const open = data?.status === 'Open';
  const position = useCrewPosition(caseId, open && (Boolean(data?.destinationId) || writes.some((w) => w.kind === 'destination')));
  const [tab, setTab] = useState<string | null>('patient');

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/emergency/crew" size="lg">
        {t('crew.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} size="h3">
            {data ? patientLabel(data.patient, t) : t('crew.newCase')}
          </Title>
          {data && (
            <Group gap="xs">
              <TriageBadge level={data.triageLevel} />
              <PathwayBadge pathway={data.pathway} />
            </Group>
          )}
        </Stack>
        {data?.destinationId && <EtaCountdown eta={position.eta ?? data.eta} arrived={Boolean(data.arrivalAt)} />}
      </Group>
      <SyncBadge writes={writes} />
      {!onServer && <Text c="dimmed">{t('crew.caseOnPhone')}</Text>}
      {current.isError && onServer && <Alert color="orange">{t('crew.caseUnavailable')}</Alert>}
      {position.denied && <Alert color="orange">{t('crew.locationDenied')}</Alert>}
      <RefusedWrites writes={writes} />
      {data?.videoCallOn && !ringing && (
        <Alert color="indigo" title={t('videoCall.onTitle')}>
          <Button size="lg" mt="xs" onClick={() => void navigate(crewCallPath(caseId))}>
            {t('videoCall.join')}
          </Button>
        </Alert>
      )}
      <VideoCallRing call={ringing} onDone={dismiss} />
      <Tabs value={tab} onChange={setTab} variant="pills" keepMounted={false}>
        <Tabs.List grow>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name} fz="lg" py="md" miw={100}>
              {t(`crew.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="patient" pt="md">
          <CrewPatient caseId={caseId} current={data} Scanner={Scanner} />
        </Tabs.Panel>
        <Tabs.Panel value="assessment" pt="md">
          <CrewAssessment caseId={caseId} current={data} />
        </Tabs.Panel>
        <Tabs.Panel value="vitals" pt="md">
          <CrewVitals caseId={caseId} current={data} waiting={writes} />
        </Tabs.Panel>
        <Tabs.Panel value="media" pt="md">
          <CrewMedia caseId={caseId} current={data} waiting={writes} />
        </Tabs.Panel>
        <Tabs.Panel value="transport" pt="md">
          <CrewTransport caseId={caseId} current={data} waiting={writes} eta={position.eta} />
        </Tabs.Panel>
        <Tabs.Panel value="messages" pt="md">
          <CaseMessages
            current={data}
            side="Crew"
            pending={writes.filter((w) => w.kind === 'message' && !w.rejected).map((w) => (w.payload as { text: string }).text)}
            onSend={(text) => enqueueCrewWrite(caseId, 'message', { text })}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
