import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconCloudCheck, IconCloudUpload, IconWifiOff } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldCodeMessage } from '@/lib/problem-message';
import type { QueuedWrite } from '../lib/queue-store';
import { crewQueue } from '../lib/crew-queue';

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/** "3 waiting to be sent" for a case (or "all sent"), and whether the phone has a network. */
export function SyncBadge({ writes }: { writes: readonly QueuedWrite[] }): ReactNode {
  const { t } = useTranslation('emergency');
  const online = useOnline();
  const waiting = writes.filter((write) => !write.rejected).length;
  return (
    <Group gap="xs" role="status" aria-live="polite">
      {!online && (
        <Badge size="lg" color="dark" leftSection={<IconWifiOff size={16} />}>
          {t('sync.offline')}
        </Badge>
      )}
      {waiting > 0 ? (
        <Badge size="lg" color="yellow" c="dark" leftSection={<IconCloudUpload size={16} />} data-testid="waiting-count">
          {t('sync.waiting', { count: waiting })}
        </Badge>
      ) : (
        <Badge size="lg" color="teal.9" leftSection={<IconCloudCheck size={16} />} data-testid="waiting-count">
          {t('sync.allSent')}
        </Badge>
      )}
    </Group>
  );
}

/** Writes the server refused for good: the crew reads why (per field) and removes them. */
export function RefusedWrites({ writes }: { writes: readonly QueuedWrite[] }): ReactNode {
  const { t } = useTranslation('emergency');
  const refused = writes.filter((write) => write.rejected);
  if (refused.length === 0) return null;
  return (
    <Stack gap="xs">
      {refused.map((write) => {
        const rejection = write.rejected!;
        const fields = Object.entries(rejection.fieldCodes).flatMap(([field, codes]) =>
          codes.map((code) => `${t(`vitals.fields.${field}`, { defaultValue: field })}: ${fieldCodeMessage(code, t) || code}`),
        );
        const reason = rejection.code ? t(`errors:codes.${rejection.code}`, { defaultValue: rejection.detail ?? rejection.code }) : (rejection.detail ?? '');
        return (
          <Alert key={write.key} color="red" role="alert" title={t('sync.refused', { what: t(`writeKind.${write.kind}`, { defaultValue: write.kind }) })}>
            <Stack gap={4}>
              <Text size="sm">{reason}</Text>
              {fields.map((line) => (
                <Text key={line} size="sm">
                  {line}
                </Text>
              ))}
              <Group>
                <Button size="md" variant="outline" color="red.9" onClick={() => void crewQueue().discard(write.key)}>
                  {t('sync.discard')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        );
      })}
    </Stack>
  );
}
