import { Alert, Anchor, Badge, Button, CloseButton, FileInput, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemMessage } from '@/lib/problem-message';
import { formatDateTime, parseInstant } from '@/lib/date-time';
import { megabytes, useServerSettings } from '@/lib/server-settings';
import { openAttachment } from '../api/download-attachment';
import { useThread, type FamilyMessage, type ThreadDetail } from '../api/get-thread';
import { useMarkThreadRead } from '../api/mark-thread-read';
import { useSendMessage } from '../api/send-message';
import { ACCEPTED_ATTACHMENTS, useUploadAttachment, type UploadedFile } from '../api/upload-attachment';
import { localized } from '../lib/format';
import { readableBadge } from './tag';
import { useFamilyLiveUpdates } from '../lib/use-family-live-updates';

function when(value: string, language: string): string {
  return formatDateTime(parseInstant(value) ?? new Date(), language);
}

function MessageBubble({ thread, message }: { thread: ThreadDetail; message: FamilyMessage }): ReactNode {
  const { t, i18n } = useTranslation('family');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [failed, setFailed] = useState(false);
  return (
    <Paper
      component="article"
      withBorder
      radius="md"
      p="sm"
      maw="85%"
      ml={message.mine ? 'auto' : 0}
      bg={message.mine ? 'var(--mantine-color-blue-light)' : undefined}
      aria-label={t('thread.messageFrom', { name: message.senderName, time: when(message.sentAt, language) })}
    >
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {message.senderName}
          {message.side === 'Team' ? ` · ${t('thread.team')}` : ''}
        </Text>
        <Text size="xs" c="dimmed">
          {when(message.sentAt, language)}
        </Text>
      </Group>
      {message.body ? (
        <Text mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.body}
        </Text>
      ) : null}
      {message.attachments.length > 0 ? (
        <Group gap="xs" mt="xs">
          {message.attachments.map((file) => (
            <Button
              key={file.fileId}
              size="xs"
              variant="light"
              leftSection={<IconPaperclip size={14} aria-hidden="true" />}
              onClick={() => {
                setFailed(false);
                void openAttachment(thread.id, file.fileId, file.fileName).catch(() => setFailed(true));
              }}
            >
              {t('thread.openFile', { name: file.fileName })}
            </Button>
          ))}
        </Group>
      ) : null}
      {failed ? (
        <Text size="xs" c="red.9" role="alert">
          {t('thread.openFailed')}
        </Text>
      ) : null}
      {message.mine ? (
        <Text size="xs" c="dimmed" ta="right" mt={4}>
          {message.readAt ? t('thread.readAt', { time: when(message.readAt, language) }) : t('thread.notRead')}
        </Text>
      ) : null}
    </Paper>
  );
}

function ReplyForm({ thread }: { thread: ThreadDetail }): ReactNode {
  const { t } = useTranslation('family');
  const { maxUploadBytes } = useServerSettings();
  const send = useSendMessage();
  const upload = useUploadAttachment();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  const attach = (file: File | null): void => {
    setFileError(null);
    if (!file) return;
    if (file.size > maxUploadBytes) {
      setFileError(t('thread.fileTooLarge', { size: megabytes(maxUploadBytes) }));
      return;
    }
    upload.mutate(
      { threadId: thread.id, file },
      {
        onSuccess: (uploaded) => setFiles((current) => [...current, uploaded]),
        onError: (error) => setFileError(problemMessage(error, t)),
      },
    );
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!body.trim() && files.length === 0) {
      setMissing(true);
      return;
    }
    send.mutate(
      { threadId: thread.id, body: body.trim(), attachmentIds: files.map((f) => f.id) },
      {
        onSuccess: () => {
          setBody('');
          setFiles([]);
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-label={t('thread.replyLabel')}>
      <Stack gap="sm">
        {send.error ? (
          <Alert color="red" role="alert">
            {problemMessage(send.error, t)}
          </Alert>
        ) : null}
        <Textarea
          label={t('thread.reply')}
          autosize
          minRows={2}
          maxLength={2000}
          value={body}
          error={missing ? t('thread.replyRequired') : undefined}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            setMissing(false);
          }}
        />
        <FileInput
          label={t('thread.attach')}
          description={t('thread.attachHelp', { size: megabytes(maxUploadBytes) })}
          accept={ACCEPTED_ATTACHMENTS}
          value={null}
          onChange={attach}
          disabled={files.length >= 5 || upload.isPending}
          error={fileError}
          leftSection={<IconPaperclip size={16} aria-hidden="true" />}
        />
        {files.length > 0 ? (
          <Group gap="xs" aria-label={t('thread.attached')} role="list">
            {files.map((file) => (
              <Badge key={file.id} variant="light" role="listitem" style={readableBadge} rightSection={<CloseButton size="xs" aria-label={t('thread.removeFile', { name: file.fileName })} onClick={() => setFiles((current) => current.filter((f) => f.id !== file.id))} />}>
                {file.fileName}
              </Badge>
            ))}
          </Group>
        ) : null}
        <Group>
          <Button type="submit" loading={send.isPending || upload.isPending}>
            {t('thread.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export interface ThreadViewProps {
  threadId: string;
  /** Where "back" leads (the list of conversations). */
  backTo: string;
}

/** A conversation: messages with read receipts, arriving live; reply with attachments while the contract is in force. */
export function ThreadView({ threadId, backTo }: ThreadViewProps): ReactNode {
  const { t, i18n } = useTranslation('family');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const thread = useThread(threadId);
  const markRead = useMarkThreadRead();
  useFamilyLiveUpdates();

  const data = thread.data;
  const unreadFromOtherSide = data?.messages.some((m) => m.side !== data.mySide && m.readAt === null) ?? false;
  const { mutate: mark, isPending: marking } = markRead;
  useEffect(() => {
    // Note: opening the conversation (or a message arriving while it is open) is reading it.
    if (unreadFromOtherSide && !marking) mark(threadId);
  }, [unreadFromOtherSide, marking, mark, threadId]);

  if (thread.isPending) return <Text>{t('loading')}</Text>;
  if (thread.isError) {
    return (
      <Alert color="red" role="alert">
        {problemMessage(thread.error, t)}
      </Alert>
    );
  }

  const view = thread.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={backTo}>
        {t('thread.back')}
      </Anchor>
      <Stack gap={2}>
        <Title order={2} size="h3">
          {view.subject}
        </Title>
        <Text c="dimmed">{view.mySide === 'Team' ? view.patientName : localized(view.team.name, view.team.nameEn, language)}</Text>
      </Stack>
      <Stack gap="sm" role="log" aria-label={t('thread.messages')}>
        {view.messages.map((message) => (
          <MessageBubble key={message.id} thread={view} message={message} />
        ))}
      </Stack>
      {view.open ? (
        <ReplyForm thread={view} />
      ) : (
        <Alert color="gray" role="status">
          {t('thread.closed')}
        </Alert>
      )}
    </Stack>
  );
}
