import { Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmergencyCase } from '../api/schemas';
import { timeOf } from './parts';

/** Messages between the crew and the department, newest last; `side` is who is reading. */
export function CaseMessages({
  current,
  side,
  pending = [],
  onSend,
}: {
  current: EmergencyCase | undefined;
  side: 'Crew' | 'Department';
  pending?: string[];
  onSend: (text: string) => Promise<unknown>;
}): ReactNode {
  const { t, i18n } = useTranslation('emergency');
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const send = async () => {
    if (!text.trim()) return;
    setSending(true);
    try {
      await onSend(text.trim());
      setText('');
    } finally {
      setSending(false);
    }
  };
  return (
    <Stack gap="sm">
      {current?.messages.length === 0 && pending.length === 0 && <Text c="dimmed">{t('messages.none')}</Text>}
      {current?.messages.map((message) => (
        <Card key={message.id} withBorder padding="sm" ml={message.side === side ? 'xl' : 0} mr={message.side === side ? 0 : 'xl'} bg={message.side === side ? 'blue.0' : undefined}>
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={700}>
              {message.authorName} · {t(`messages.side.${message.side}`, { defaultValue: message.side })}
            </Text>
            <Text size="sm" c="dimmed">
              {timeOf(message.at, i18n.language)}
            </Text>
          </Group>
          <Text>{message.text}</Text>
        </Card>
      ))}
      {pending.map((message, index) => (
        <Card key={`${index}-${message}`} withBorder padding="sm" ml="xl" bg="orange.0">
          <Text size="sm" fw={700}>
            {t('sync.waitingOne')}
          </Text>
          <Text>{message}</Text>
        </Card>
      ))}
      <Textarea size="lg" label={t('messages.label')} maxLength={1000} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      <Button size="xl" loading={sending} disabled={!text.trim()} onClick={() => void send()}>
        {t('messages.send')}
      </Button>
    </Stack>
  );
}
