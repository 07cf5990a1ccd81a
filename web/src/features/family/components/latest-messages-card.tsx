import { Anchor, Stack, Text } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyStateCard } from '@/components/empty-state-card';
import { formatDateTime, parseInstant } from '@/lib/date-time';
import { usePatientThreads } from '../api/get-patient-threads';
import { useFamilyLiveUpdates } from '../lib/use-family-live-updates';
import { Tag } from './tag';

const LATEST = 3;

/** The patient's home card: the latest messages from (and to) the family-doctor team. */
export function LatestMessagesCard({ patientId }: { patientId: string | undefined }): ReactNode {
  const { t, i18n } = useTranslation('family');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const threads = usePatientThreads(patientId, LATEST);
  useFamilyLiveUpdates();
  const latest = threads.data?.filter((thread) => thread.lastMessage) ?? [];

  return (
    <EmptyStateCard
      title={t('card.messages')}
      icon={<IconMessage size={20} />}
      message={latest.length === 0 ? (threads.isPending && patientId ? t('loading') : t('card.messagesEmpty')) : undefined}
    >
      {latest.length === 0 ? null : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {latest.map((thread) => (
            <li key={thread.id}>
              <Anchor component={Link} to={`/messages/${thread.id}`} fw={thread.unread > 0 ? 700 : 500}>
                {thread.subject}
              </Anchor>
              {thread.unread > 0 ? (
                <Tag color="red" variant="filled">
                  {t('threads.unread', { count: thread.unread })}
                </Tag>
              ) : null}
              <Text size="sm" lineClamp={2}>
                {thread.lastMessage!.senderName}: {thread.lastMessage!.excerpt}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(parseInstant(thread.lastMessage!.sentAt) ?? new Date(), language)}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      <Anchor component={Link} to="/messages" mt="sm" display="inline-block">
        {t('card.allMessages')}
      </Anchor>
    </EmptyStateCard>
  );
}
