import { Alert, Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { IconPaperclip } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, parseInstant } from '@/lib/date-time';
import { problemMessage } from '@/lib/problem-message';
import type { ThreadSummary } from '../api/get-patient-threads';
import { localized } from '../lib/format';
import { Tag } from './tag';

export interface ThreadListProps {
  threads: ThreadSummary[];
  /** Where a thread opens, e.g. `/messages/{id}`. */
  linkTo: (thread: ThreadSummary) => string;
  /** The doctor's list names the patient; the patient's names the team. */
  show: 'patient' | 'team';
  emptyText: string;
}

/** A list of conversations as it loads: "loading", what went wrong, or the list. */
export function ThreadListQuery({ query, ...list }: Omit<ThreadListProps, 'threads'> & { query: UseQueryResult<ThreadSummary[]> }): ReactNode {
  const { t } = useTranslation('family');
  if (query.isPending) return <Text>{t('loading')}</Text>;
  if (query.isError) {
    return (
      <Alert color="red" role="alert">
        {problemMessage(query.error, t)}
      </Alert>
    );
  }
  return <ThreadList threads={query.data} {...list} />;
}

/** Conversations, newest activity first, with unread counts and the last message's first words. */
export function ThreadList({ threads, linkTo, show, emptyText }: ThreadListProps): ReactNode {
  const { t, i18n } = useTranslation('family');
  const language = i18n.resolvedLanguage ?? i18n.language;
  if (threads.length === 0) return <Text c="dimmed">{emptyText}</Text>;

  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {threads.map((thread) => {
        const who = show === 'patient' ? thread.patientName : localized(thread.team.name, thread.team.nameEn, language);
        return (
          <li key={thread.id}>
            <UnstyledButton component={Link} to={linkTo(thread)} w="100%" aria-label={t('threads.open', { subject: thread.subject, who, count: thread.unread })}>
              <Card withBorder radius="md" padding="sm">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text fw={thread.unread > 0 ? 700 : 500} lineClamp={1}>
                    {thread.subject}
                  </Text>
                  <Group gap={6} wrap="nowrap">
                    {!thread.open ? (
                      <Tag color="gray">
                        {t('threads.closed')}
                      </Tag>
                    ) : null}
                    {thread.unread > 0 ? (
                      <Tag color="red" variant="filled">
                        {t('threads.unread', { count: thread.unread })}
                      </Tag>
                    ) : null}
                  </Group>
                </Group>
                <Text size="sm" c="dimmed">
                  {who} · {formatDateTime(parseInstant(thread.lastMessageAt) ?? new Date(), language)}
                </Text>
                {thread.lastMessage ? (
                  <Group gap={4} wrap="nowrap">
                    {thread.lastMessage.attachments > 0 ? <IconPaperclip size={14} aria-label={t('threads.hasAttachments')} /> : null}
                    <Text size="sm" lineClamp={1}>
                      {thread.lastMessage.senderName}: {thread.lastMessage.excerpt}
                    </Text>
                  </Group>
                ) : null}
              </Card>
            </UnstyledButton>
          </li>
        );
      })}
    </Stack>
  );
}
