import { Alert, Anchor, Button, FileButton, Group, Image, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useVisitFile } from '../api/get-visit-file';
import { useMessages } from '../api/list-messages';
import type { VisitMessage } from '../api/schemas';
import { useSendMessage } from '../api/send-message';
import { hospitalTimeZone } from '@/config/hospital';
import { formatTimeIn } from '@/lib/date-time';
import { megabytes, useServerSettings } from '@/lib/server-settings';
import { ProblemAlert } from '@/components/problem-alert';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,application/pdf';

/** In-call chat: text, photos and PDF reports, kept with the visit and visible to its participants only. */
export function ChatPanel({ visitId, canSend }: { visitId: string; canSend: boolean }): ReactNode {
  const { t, i18n } = useTranslation('visits');
  const { maxUploadBytes } = useServerSettings();
  const messages = useMessages(visitId);
  const send = useSendMessage(visitId);
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);

  const submit = (file?: File): void => {
    if (file && file.size > maxUploadBytes) {
      setFileError(t('chat.tooLarge', { size: megabytes(maxUploadBytes) }));
      return;
    }
    if (file && file.type !== '' && !ACCEPT.split(',').includes(file.type)) {
      setFileError(t('chat.wrongType'));
      return;
    }
    setFileError(null);
    if (!file && !text.trim()) return;
    send.mutate(file ? { file } : { text: text.trim() }, { onSuccess: () => !file && setText('') });
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="chat-title">
      <Title order={2} size="h4" id="chat-title">
        {t('chat.title')}
      </Title>
      <Stack gap="xs" role="log" aria-live="polite" aria-labelledby="chat-title" mah={360} style={{ overflowY: 'auto' }}>
        {messages.data?.length === 0 && <Text c="dimmed">{t('chat.empty')}</Text>}
        {messages.data?.map((message) => (
          <Paper key={message.id} withBorder p="xs" radius="md">
            <Text size="xs" c="dimmed">
              {message.senderName} · {t(`roles.${message.senderRole}`)} · {formatTimeIn(message.sentAt, hospitalTimeZone(), i18n.language)}
            </Text>
            {message.text && <Text style={{ whiteSpace: 'pre-wrap' }}>{message.text}</Text>}
            {message.file && <SharedFile visitId={visitId} file={message.file} />}
          </Paper>
        ))}
      </Stack>
      {fileError && (
        <Alert color="red" role="alert">
          {fileError}
        </Alert>
      )}
      {send.error && <ProblemAlert error={send.error} />}
      {canSend && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack gap="xs">
            <Textarea label={t('chat.message')} value={text} onChange={(e) => setText(e.currentTarget.value)} rows={2} maxLength={2000} />
            <Group gap="xs">
              <Button type="submit" loading={send.isPending}>
                {t('chat.send')}
              </Button>
              <FileButton onChange={(file) => file && submit(file)} accept={ACCEPT}>
                {(props) => (
                  <Button {...props} variant="default" leftSection={<IconPaperclip size={16} aria-hidden />}>
                    {t('chat.attach')}
                  </Button>
                )}
              </FileButton>
            </Group>
            <Text size="xs" c="dimmed">
              {t('chat.attachHint', { size: megabytes(maxUploadBytes) })}
            </Text>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/** An image is shown (from an object URL: the file needs the bearer token); a PDF opens from a link. */
function SharedFile({ visitId, file }: { visitId: string; file: NonNullable<VisitMessage['file']> }): ReactNode {
  const { t } = useTranslation('visits');
  const blob = useVisitFile(visitId, file.id);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob.data) return;
    const objectUrl = URL.createObjectURL(blob.data);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob.data]);

  if (!url) return <Text size="sm">{file.fileName}</Text>;
  return file.contentType.startsWith('image/') ? (
    <Image src={url} alt={t('chat.imageAlt', { name: file.fileName })} maw={240} radius="sm" />
  ) : (
    <Anchor href={url} download={file.fileName}>
      {t('chat.open', { name: file.fileName })}
    </Anchor>
  );
}
