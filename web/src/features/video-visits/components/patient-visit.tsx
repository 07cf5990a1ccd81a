import { Alert, Button, Card, Checkbox, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { isApiError } from '@/lib/api-client';
import { problemMessage } from '@/lib/problem-message';
import { useCheckIn } from '../api/check-in';
import { useVideoVisit } from '../api/get-video-visit';
import { useWaitingRoom, type WaitingRoom } from '../api/get-waiting-room';
import { useLocalMedia } from '../lib/use-local-media';
import { useVisitRoom } from '../lib/use-visit-room';
import { hospitalTimeZone } from '@/config/hospital';
import { formatTimeIn } from '@/lib/date-time';
import type { SharedImage, VisitRoom } from '../lib/visit-room';
import { CallView } from './call-view';
import { RecordingConsent } from './recording-consent';
import { ChatPanel } from './chat-panel';
import { DeviceCheck } from './device-check';
import { VisitSummary } from './visit-summary';
import { ProblemAlert } from '@/components/problem-alert';

/**
 * The patient's side of a video visit: device check, check-in, waiting room, the call, then the summary.
 * `guardianFor`: the name of a child under 6 the account acts for: the guardian confirms being present before checking
 * in (domain rule 4); the server's 422 guardian_presence_required asks the same if the page did not know.
 */
/** Shows an image the doctor shared into the call (composed by the app from the imaging feature). */
export type SharedImageRenderer = (image: SharedImage, dismiss: () => void) => ReactNode;

export function PatientVisit({ visitId, guardianFor, sharedImageView }: { visitId: string; guardianFor?: string; sharedImageView?: SharedImageRenderer }): ReactNode {
  const { t, i18n } = useTranslation('visits');
  const waiting = useWaitingRoom(visitId);
  const checkIn = useCheckIn(visitId);
  const roomRef = useRef<VisitRoom | null>(null);
  const media = useLocalMedia((track) => void roomRef.current?.replaceTrack(track));
  const fetchedStatus = waiting.data?.visitStatus ?? null;
  const open = fetchedStatus === 'Waiting' || fetchedStatus === 'InProgress';
  const { room, state } = useVisitRoom(visitId, open);
  roomRef.current = room;
  const status = state?.status ?? fetchedStatus;
  const finished = status === 'Completed' || status === 'Referred';
  const visit = useVideoVisit(visitId, { enabled: finished });
  const [leftCall, setLeftCall] = useState(false);
  const [guardianPresent, setGuardianPresent] = useState(false);
  const guardianAsked = isApiError(checkIn.error) && checkIn.error.code === 'guardian_presence_required';
  const askGuardian = guardianFor !== undefined || guardianAsked;

  // Waiting: get the call's connection ready with the camera and microphone the device check turned on, so the call
  // starts as soon as the doctor admits.
  useEffect(() => {
    if (room && state?.hub === 'connected' && status === 'Waiting' && !state.refused) room.prepareCall(media.stream);
  }, [room, state?.hub, state?.refused, status, media.stream]);

  // Admitted: join the call with whatever camera and microphone the device check turned on.
  useEffect(() => {
    if (room && state?.hub === 'connected' && status === 'InProgress' && !state.inCall && !leftCall && !state.refused) {
      void room.enterCall(media.stream);
    }
  }, [room, state?.hub, state?.inCall, state?.refused, status, leftCall, media.stream]);

  if (waiting.isPending) return <Loader role="status" aria-label={t('call.connecting')} />;
  if (waiting.error || !waiting.data) {
    return (
      <Page title={t('visit.title')}>
        <Alert color="red" role="alert">
          {isApiError(waiting.error) && waiting.error.status === 404 ? t('visit.notAvailable') : problemMessage(waiting.error, t)}
        </Alert>
      </Page>
    );
  }

  const room_ = waiting.data;
  return (
    <Page title={t('visit.title')} description={<VisitHeader room={room_} language={i18n.language} />}>
      {finished && visit.data && <VisitSummary visit={visit.data} />}
      {status === 'InProgress' && room && state && state.inCall && (
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <div style={{ gridColumn: 'span 2' }}>
            <RecordingConsent visitId={visitId} />
            <CallView room={room} state={state} media={media} canShareScreen={false} />
            {state.sharedImage && sharedImageView?.(state.sharedImage, () => room.dismissSharedImage())}
          </div>
          <ChatPanel visitId={visitId} canSend />
        </SimpleGrid>
      )}
      {status === 'InProgress' && state && !state.inCall && (
        <Stack gap="xs">
          {leftCall ? <Text role="status">{t('call.youLeft')}</Text> : <Text role="status">{t('call.connecting')}</Text>}
          {leftCall && (
            <Button w="fit-content" onClick={() => setLeftCall(false)}>
              {t('call.rejoin')}
            </Button>
          )}
        </Stack>
      )}
      {state?.refused === 'visit_finished' && <Alert color="gray">{t('visit.finished')}</Alert>}
      {!finished && status !== 'InProgress' && (
        <Stack gap="lg">
          {status !== 'Waiting' && askGuardian && (
            <Alert color="orange" title={t('guardian.title')}>
              <Stack gap="xs">
                <Text size="sm">{t('guardian.explain', { name: guardianFor ?? '' })}</Text>
                <Checkbox checked={guardianPresent} onChange={(event) => setGuardianPresent(event.currentTarget.checked)} label={t('guardian.confirm')} />
              </Stack>
            </Alert>
          )}
          {status === 'Waiting' ? (
            <WaitingInfo room={room_} />
          ) : (
            <CheckInCard
              room={room_}
              onCheckIn={() => checkIn.mutate(askGuardian ? { guardianPresent } : undefined)}
              blocked={askGuardian && !guardianPresent}
              pending={checkIn.isPending}
              language={i18n.language}
            />
          )}
          {checkIn.error && <ProblemAlert error={checkIn.error} />}
          <DeviceCheck media={media} />
          {status === 'Waiting' && <ChatPanel visitId={visitId} canSend />}
        </Stack>
      )}
      <LeaveWatcher inCall={state?.inCall ?? false} onLeft={() => setLeftCall(true)} />
    </Page>
  );
}

/** Remembers that the patient hung up themselves, so the page does not pull them straight back into the call. */
function LeaveWatcher({ inCall, onLeft }: { inCall: boolean; onLeft: () => void }): ReactNode {
  const was = useRef(inCall);
  useEffect(() => {
    if (was.current && !inCall) onLeft();
    was.current = inCall;
  }, [inCall, onLeft]);
  return null;
}

function VisitHeader({ room, language }: { room: WaitingRoom; language: string }): ReactNode {
  const { t } = useTranslation('visits');
  const zh = language.startsWith('zh');
  return (
    <Text>
      {t('visit.doctorLine', { doctor: room.doctor.name, title: zh ? room.doctor.title : room.doctor.titleEn, department: zh ? room.doctor.department : room.doctor.departmentEn })}
      {' · '}
      {t('visit.scheduled', { start: formatTimeIn(room.start, hospitalTimeZone(), language), end: formatTimeIn(room.end, hospitalTimeZone(), language) })}
    </Text>
  );
}

function CheckInCard({ room, onCheckIn, blocked, pending, language }: { room: WaitingRoom; onCheckIn: () => void; blocked: boolean; pending: boolean; language: string }): ReactNode {
  const { t } = useTranslation('visits');
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="xs">
        {!room.canCheckIn && <Text>{t('waiting.opensAt', { time: formatTimeIn(room.checkInOpensAt, hospitalTimeZone(), language) })}</Text>}
        <Button onClick={onCheckIn} disabled={!room.canCheckIn || blocked} loading={pending} w="fit-content">
          {t('waiting.checkIn')}
        </Button>
      </Stack>
    </Card>
  );
}

function WaitingInfo({ room }: { room: WaitingRoom }): ReactNode {
  const { t } = useTranslation('visits');
  return (
    <Card withBorder radius="md" padding="md" role="status" aria-live="polite">
      <Stack gap={4}>
        <Text fw={500}>{t('waiting.checkedIn')}</Text>
        <Text>{t(`waiting.doctorStatus.${room.doctorStatus}`)}</Text>
        {room.patientsAhead != null && <Text>{t('waiting.ahead', { count: room.patientsAhead })}</Text>}
        {room.minutesLate != null && <Text>{room.minutesLate > 0 ? t('waiting.late', { count: room.minutesLate }) : t('waiting.onTime')}</Text>}
      </Stack>
    </Card>
  );
}
