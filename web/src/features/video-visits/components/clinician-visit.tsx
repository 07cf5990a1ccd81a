import { Alert, Button, Card, Group, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { isApiError } from '@/lib/api-client';
import { problemMessage } from '@/lib/problem-message';
import { useAdmitPatient } from '../api/admit-patient';
import { useConsultingSession } from '../api/get-consulting-session';
import { useVideoVisit, type VideoVisit } from '../api/get-video-visit';
import { useLocalMedia } from '../lib/use-local-media';
import { useVisitRoom } from '../lib/use-visit-room';
import { hospitalTimeZone } from '@/config/hospital';
import { formatDateTimeIn, formatTimeIn } from '@/lib/date-time';
import type { ImageReference, VisitRoom } from '../lib/visit-room';
import type { RemotePeer } from '../lib/call-engine';
import { AttendingLine } from './attending-line';
import { CallView } from './call-view';
import { RecordingConsent } from './recording-consent';
import { ChatPanel } from './chat-panel';
import { DeviceCheck } from './device-check';
import { GuestsPanel } from './guests-panel';
import { BroadcastPanel, type CommentatorChoice } from './broadcast-panel';
import { IdentityCheck } from './identity-check';
import { InviteSpecialist } from './invite-specialist';
import { NoteEditor, type FollowUpPickerRenderer } from './note-editor';
import { VisitSummary } from './visit-summary';
import { ProblemAlert } from '@/components/problem-alert';

/**
 * The doctor's (or invited specialist's) side of a video visit: admit the waiting patient, the call, the chat, the note,
 * inviting a specialist; afterwards the signed record, its addenda and the trace of the visit.
 */
/** The patient's imaging in the workspace (composed by the app from the imaging feature); `share` only while in the call. */
export type ImagingPanelRenderer = (props: { patientId: string; share?: (image: ImageReference) => Promise<void> }) => ReactNode;

export function ClinicianVisit({ visitId, followUpPicker, imagingPanel }: { visitId: string; followUpPicker?: FollowUpPickerRenderer; imagingPanel?: ImagingPanelRenderer }): ReactNode {
  const { t, i18n } = useTranslation('visits');
  const visit = useVideoVisit(visitId);
  const session = useConsultingSession();
  const admit = useAdmitPatient(visitId);
  const roomRef = useRef<VisitRoom | null>(null);
  const media = useLocalMedia((track) => void roomRef.current?.replaceTrack(track));
  const fetchedStatus = visit.data?.status ?? null;
  const open = fetchedStatus === 'Waiting' || fetchedStatus === 'InProgress';
  const { room, state } = useVisitRoom(visitId, open);
  roomRef.current = room;
  const status = state?.status ?? fetchedStatus;
  const sessionActive = session.data?.active === true;
  const [leftCall, setLeftCall] = useState(false);
  const wasInCall = useRef(false);
  const { start: startMedia } = media;

  // Doctors sit at a workstation: turn the camera on at once (the device check shows it).
  useEffect(() => {
    if (open) void startMedia();
  }, [open, startMedia]);

  useEffect(() => {
    if (wasInCall.current && state && !state.inCall) setLeftCall(true);
    wasInCall.current = state?.inCall ?? false;
  }, [state]);

  // While the patient waits: get the call's connection ready, so the admit only has to start it.
  useEffect(() => {
    if (room && state?.hub === 'connected' && status === 'Waiting' && media.stream) room.prepareCall(media.stream);
  }, [room, state?.hub, status, media.stream]);

  // Once the patient is admitted (and who we are is confirmed), join the call.
  useEffect(() => {
    if (room && state?.hub === 'connected' && status === 'InProgress' && sessionActive && !state.inCall && !leftCall && media.stream) {
      void room.enterCall(media.stream);
    }
  }, [room, state?.hub, state?.inCall, status, sessionActive, leftCall, media.stream]);

  if (visit.isPending) return <Loader role="status" aria-label={t('call.connecting')} />;
  if (visit.error || !visit.data) {
    return (
      <Page title={t('visit.title')}>
        <Alert color="red" role="alert">
          {isApiError(visit.error) && visit.error.status === 404 ? t('visit.notAvailable') : problemMessage(visit.error, t)}
        </Alert>
      </Page>
    );
  }

  const data = visit.data;
  const isDoctor = data.myRole === 'Doctor';
  const consultation = data.purpose === 'Consultation';
  const finished = status === 'Completed' || status === 'Referred';
  return (
    <Page title={t('visit.title')} description={<Header visit={data} language={i18n.language} />}>
      {!finished && !sessionActive && <IdentityCheck />}
      {state?.refused && state.refused !== 'identity_check_required' && (
        <Alert color="red" role="alert">
          {state.refused === 'visit_finished' ? t('visit.finished') : t('visit.notAvailable')}
        </Alert>
      )}
      {status === 'Waiting' && (
        <Card withBorder radius="md" padding="md">
          <Stack gap="xs">
            <Text role="status">{t('call.patientWaiting', { name: data.patient.name })}</Text>
            {admit.error && <ProblemAlert error={admit.error} />}
            {isDoctor && (
              <Button
                w="fit-content"
                // Note: with the room connected and a camera, admit and join the call in one step through the hub; else
                // admit, then join as soon as the server says the patient is in (not after the page refetches).
                onClick={() =>
                  admit.mutate(room && state?.hub === 'connected' && media.stream ? () => room.admitAndEnterCall(media.stream) : undefined, {
                    onSuccess: () => room && media.stream && void room.enterCall(media.stream),
                  })
                }
                loading={admit.isPending}
                disabled={!sessionActive}
              >
                {t('call.admit')}
              </Button>
            )}
          </Stack>
        </Card>
      )}
      {status === 'InProgress' && room && state?.inCall && <RecordingConsent visitId={visitId} />}
      {status === 'InProgress' && room && state?.inCall && <CallView room={room} state={state} media={media} canShareScreen={isDoctor} />}
      {status === 'InProgress' && room && state?.inCall && isDoctor && <BroadcastPanel visitId={visitId} doctors={commentatorChoices(state.peers)} />}
      {status === 'InProgress' && state && !state.inCall && leftCall && (
        <Group>
          <Text role="status">{t('call.youLeft')}</Text>
          <Button onClick={() => setLeftCall(false)}>{t('call.rejoin')}</Button>
        </Group>
      )}
      {!finished && status !== 'InProgress' && <DeviceCheck media={media} />}
      {!finished && imagingPanel?.({ patientId: data.patient.id, share: room && state?.inCall ? (image) => room.shareImage(image) : undefined })}
      {finished && <VisitSummary visit={data} />}
      {!finished && (
        <SimpleGrid cols={{ base: 1, md: isDoctor && !consultation ? 3 : 1 }}>
          {isDoctor && !consultation && <NoteEditor visit={data} followUpPicker={followUpPicker} />}
          <ChatPanel visitId={visitId} canSend />
          {isDoctor && !consultation && (
            <Stack gap="lg">
              <InviteSpecialist visit={data} />
              <GuestsPanel visitId={visitId} canAdmit={sessionActive} />
            </Stack>
          )}
        </SimpleGrid>
      )}
      {finished && <ChatPanel visitId={visitId} canSend={false} />}
      {data.trace.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="trace-title">
          <Title order={2} size="h4" id="trace-title">
            {t('trace.title')}
          </Title>
          <List size="sm">
            {data.trace.map((event, index) => (
              <List.Item key={`${event.at}-${index}`}>
                {formatDateTimeIn(event.at, hospitalTimeZone(), i18n.language)} · {event.kind}
                {event.detail ? ` · ${event.detail}` : ''}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Page>
  );
}

/** The doctors in the call who may comment on a broadcast: invited specialists, once each (a reconnect adds a peer). */
function commentatorChoices(peers: readonly RemotePeer[]): CommentatorChoice[] {
  const seen = new Map<string, CommentatorChoice>();
  for (const peer of peers) if (peer.role === 'Specialist' && !seen.has(peer.accountId)) seen.set(peer.accountId, { accountId: peer.accountId, name: peer.name });
  return [...seen.values()];
}

function Header({ visit, language }: { visit: VideoVisit; language: string }): ReactNode {
  const { t } = useTranslation('visits');
  return (
    <>
      <Text>
        {visit.patient.name}, {visit.patient.age} · {t(`status.${visit.status}`)} · {t('visit.scheduled', { start: formatTimeIn(visit.scheduledStart, hospitalTimeZone(), language), end: formatTimeIn(visit.scheduledEnd, hospitalTimeZone(), language) })}
      </Text>
      {visit.attending && <AttendingLine attending={visit.attending} />}
    </>
  );
}
