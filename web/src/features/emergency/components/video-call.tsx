import { Alert, Button, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPhone, IconPhoneOff, IconVideo } from '@tabler/icons-react';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { declineVideoCall, startVideoCall } from '../api/emergency';
import type { VideoCallEvent } from '../api/schemas';
import { useEmergencyHub } from '../lib/emergency-hub';

export const crewCallPath = (caseId: string): string => `/emergency/crew/cases/${caseId}/call`;
export const boardCallPath = (caseId: string): string => `/emergency/board/cases/${caseId}/call`;

/** The department's call ringing on this phone (null: nothing rings), from the emergency hub's `videoCall` events. */
export function useRinging(): { ringing: VideoCallEvent | null; onVideoCall: (call: VideoCallEvent) => void; dismiss: () => void } {
  const [ringing, setRinging] = useState<VideoCallEvent | null>(null);
  const onVideoCall = useCallback((call: VideoCallEvent) => {
    setRinging((current) => (call.state === 'ringing' ? call : current?.caseId === call.caseId ? null : current));
  }, []);
  const dismiss = useCallback(() => setRinging(null), []);
  return { ringing, onVideoCall, dismiss };
}

/**
 * The crew's phone rings: the whole screen on a phone, two big buttons (gloves), answer or decline. Answering opens the
 * case's call; declining tells the department.
 */
export function VideoCallRing({ call, onDone }: { call: VideoCallEvent | null; onDone: () => void }): ReactNode {
  const { t } = useTranslation('emergency');
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [error, setError] = useState<unknown>(null);
  const [declining, setDeclining] = useState(false);
  return (
    <Modal
      opened={call !== null}
      onClose={onDone}
      fullScreen={phone}
      centered
      withCloseButton={false}
      title={t('videoCall.incoming')}
      size="md"
      styles={{ title: { fontSize: 'var(--mantine-h2-font-size)', fontWeight: 700 } }}
    >
      {call && (
        <Stack gap="lg" align="stretch" py="xl">
          <IconVideo size={64} aria-hidden style={{ alignSelf: 'center' }} />
          <Text size="xl" ta="center">
            {t('videoCall.from', { name: call.byName })}
          </Text>
          {error !== null && <ProblemAlert error={error} />}
          <Button
            size="xl"
            h={72}
            // Note: Mantine's darkest green (green.9, #2b8a3e) is 4.36:1 against white, under WCAG AA's 4.5:1; a phone in
            // sunlight needs more, so a darker green (about 7:1).
            color="#1e6b2e"
            leftSection={<IconPhone size={28} aria-hidden />}
            onClick={() => {
              onDone();
              void navigate(crewCallPath(call.caseId));
            }}
          >
            {t('videoCall.accept')}
          </Button>
          <Button
            size="xl"
            h={72}
            color="red.9"
            loading={declining}
            leftSection={<IconPhoneOff size={28} aria-hidden />}
            onClick={() => {
              setDeclining(true);
              declineVideoCall(call.caseId)
                .then(onDone)
                .catch(setError)
                .finally(() => setDeclining(false));
            }}
          >
            {t('videoCall.decline')}
          </Button>
        </Stack>
      )}
    </Modal>
  );
}

/** The department's button on the case channel: calls the crew (or rings again while the call is on) and opens the call. */
export function CallCrewButton({ caseId, on }: { caseId: string; on: boolean }): ReactNode {
  const { t } = useTranslation('emergency');
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [declinedBy, setDeclinedBy] = useState<string | null>(null);
  useEmergencyHub({ caseId }, (call) => {
    if (call.caseId === caseId && call.state === 'declined') setDeclinedBy(call.byName);
  });
  return (
    <Stack gap="xs">
      <Button
        size="lg"
        color="indigo.9"
        leftSection={<IconVideo size={22} aria-hidden />}
        loading={pending}
        onClick={() => {
          setPending(true);
          setError(null);
          setDeclinedBy(null);
          startVideoCall(caseId)
            .then(() => navigate(boardCallPath(caseId)))
            .catch(setError)
            .finally(() => setPending(false));
        }}
      >
        {on ? t('videoCall.rejoin') : t('videoCall.call')}
      </Button>
      {declinedBy !== null && (
        <Alert color="orange" role="status">
          {t('videoCall.declined', { name: declinedBy })}
        </Alert>
      )}
      {error !== null && <ProblemAlert error={error} />}
    </Stack>
  );
}

/** Whether the case's call was ended by someone (either side, or the handover), for the call page. */
/** How the call ended, once it has: the other side hung up or declined (`ended`), or the handover closed it (`closed`). */
export function useVideoCallEnded(caseId: string): 'ended' | 'closed' | null {
  const [ended, setEnded] = useState<'ended' | 'closed' | null>(null);
  useEmergencyHub({ caseId }, (call) => {
    if (call.caseId === caseId && call.state !== 'ringing') setEnded(call.state === 'closed' ? 'closed' : 'ended');
  });
  return ended;
}
