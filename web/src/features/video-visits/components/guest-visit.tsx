import { Alert, Button, Card, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { ProblemAlert } from '@/components/problem-alert';
import { guestDeviceSecret, setGuestCredential } from '@/lib/guest-credential';
import { redeemGuestLink, type GuestSession } from '../api/guests';
import { useLocalMedia } from '../lib/use-local-media';
import { useVisitRoom } from '../lib/use-visit-room';
import type { VisitRoom } from '../lib/visit-room';
import { CallView } from './call-view';
import { ChatPanel } from './chat-panel';
import { RecordingConsent } from './recording-consent';
import { DeviceCheck } from './device-check';

/**
 * A guest's page (an interpreter, relative or carer invited by link; no account): their name, the device check, then
 * the waiting room until the doctor lets them in, then the call and the chat. Nothing of the record. The role is the
 * doctor's choice in the invitation: the page shows the one the server kept and offers none to pick.
 */
export function GuestVisit({ token }: { token: string }): ReactNode {
  const { t } = useTranslation('visits');
  const [session, setSession] = useState<GuestSession | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => () => setGuestCredential(null), []);

  if (session) return <GuestRoom session={session} />;
  return (
    <Page title={t('guests.pageTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setPending(true);
          setError(null);
          redeemGuestLink({ token, deviceSecret: guestDeviceSecret(), name: name.trim() })
            .then((opened) => {
              setGuestCredential(opened.credential);
              setSession(opened);
            })
            .catch(setError)
            .finally(() => setPending(false));
        }}
      >
        <Stack gap="sm" maw={420}>
          <Text>{t('guests.welcome')}</Text>
          <TextInput label={t('guests.yourName')} required maxLength={100} value={name} onChange={(event) => setName(event.currentTarget.value)} />
          {error !== null && <ProblemAlert error={error} />}
          <Button type="submit" w="fit-content" loading={pending} disabled={!name.trim()}>
            {t('guests.continue')}
          </Button>
        </Stack>
      </form>
    </Page>
  );
}

function GuestRoom({ session }: { session: GuestSession }): ReactNode {
  const { t } = useTranslation('visits');
  const roomRef = useRef<VisitRoom | null>(null);
  const media = useLocalMedia((track) => void roomRef.current?.replaceTrack(track));
  const { room, state } = useVisitRoom(session.visitId, true);
  roomRef.current = room;
  const admittedAndOn = state?.guestAdmitted === true && state.status === 'InProgress';

  // Let in (and the visit on): join the call with whatever camera and microphone the device check turned on.
  useEffect(() => {
    if (room && state?.hub === 'connected' && admittedAndOn && !state.inCall && !state.refused) void room.enterCall(media.stream);
  }, [room, state?.hub, state?.inCall, state?.refused, admittedAndOn, media.stream]);

  const ended = state?.refused === 'visit_finished' || state?.status === 'Completed' || state?.status === 'Referred';
  return (
    <Page title={t('guests.pageTitle')} description={<Text>{t('guests.youAre', { name: session.name, role: t(`guests.roles.${session.role}`) })}</Text>}>
      {ended && <Alert color="gray">{t('visit.finished')}</Alert>}
      {!ended && state?.refused && state.refused !== 'guest_not_admitted' && (
        <Alert color="red" role="alert">
          {t('guests.removed')}
        </Alert>
      )}
      {!ended && !state?.refused && room && state?.inCall && (
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <div style={{ gridColumn: 'span 2' }}>
            <RecordingConsent visitId={session.visitId} />
            <CallView room={room} state={state} media={media} canShareScreen={false} />
          </div>
          <ChatPanel visitId={session.visitId} canSend />
        </SimpleGrid>
      )}
      {!ended && !state?.refused && !state?.inCall && (
        <Stack gap="lg">
          <Card withBorder radius="md" padding="md" role="status" aria-live="polite">
            <Text fw={500}>{state?.guestAdmitted ? t('guests.letIn') : t('guests.waiting')}</Text>
          </Card>
          <Text>{t('guests.invitedAs', { role: t(`guests.roles.${session.role}`) })}</Text>
          <DeviceCheck media={media} />
        </Stack>
      )}
    </Page>
  );
}
