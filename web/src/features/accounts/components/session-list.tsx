import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceDesktop, IconDeviceMobile } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/page-loader';
import { formatInstant } from '@/lib/date-time';
import { problemMessage } from '@/lib/problem-message';
import { useEndSession } from '../api/end-session';
import { useSessions, type AccountSession } from '../api/get-sessions';
import { ProblemAlert } from '@/components/problem-alert';

const mobileSystems = new Set(['iOS', 'Android', 'HarmonyOS']);

/** Where the account is signed in, this device first; any other one can be signed out (its tokens fail at once). */
export function SessionList(): ReactNode {
  const { t } = useTranslation('accounts');
  const sessions = useSessions();
  const end = useEndSession();

  if (sessions.isPending) return <PageLoader />;
  if (sessions.isError) {
    return (
      <Alert color="red" role="alert">
        {problemMessage(sessions.error, t)}
      </Alert>
    );
  }

  return (
    <Stack maw={640}>
      {end.isError && <ProblemAlert error={end.error} />}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('sessions.listLabel')}>
        {sessions.data.map((session) => (
          <SessionCard
            key={session.id}
            session={session}
            ending={end.isPending && end.variables === session.id}
            onEnd={() =>
              end.mutate(session.id, { onSuccess: () => notifications.show({ message: t('sessions.endedNotice') }) })
            }
          />
        ))}
      </Stack>
    </Stack>
  );
}

function SessionCard({ session, ending, onEnd }: { session: AccountSession; ending: boolean; onEnd: () => void }): ReactNode {
  const { t, i18n } = useTranslation('accounts');
  const device = describeDevice(session, t);
  const Icon = session.os && mobileSystems.has(session.os) ? IconDeviceMobile : IconDeviceDesktop;
  return (
    <Card component="li" withBorder padding="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Group align="flex-start" gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Icon aria-hidden="true" size={28} />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={600}>{device}</Text>
              {session.current && <Badge variant="light">{t('sessions.thisDevice')}</Badge>}
            </Group>
            <Text size="sm" c="dimmed">
              {t('sessions.signedInAt', { time: formatInstant(session.signedInAt, i18n.language) })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('sessions.lastActiveAt', { time: formatInstant(session.lastActiveAt, i18n.language) })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('sessions.address', { address: session.address ?? t('sessions.unknownAddress') })}
            </Text>
          </Stack>
        </Group>
        {!session.current && (
          <Button variant="outline" color="red" size="sm" loading={ending} onClick={onEnd} aria-label={t('sessions.endLabel', { device })}>
            {t('sessions.end')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

function describeDevice(session: AccountSession, t: (key: string, options?: Record<string, string>) => string): string {
  const browser = session.browser ?? t('sessions.unknownBrowser');
  return session.os ? t('sessions.device', { browser, os: session.os }) : browser;
}
