import { Alert, Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/lib/problem-message';
import type { ThreadDetail } from '../api/get-thread';
import { useStartThread } from '../api/start-thread';

export interface NewThreadFormProps {
  patientId: string;
  asTeam?: boolean;
  onStarted: (thread: ThreadDetail) => void;
  onCancel?: () => void;
}

/** A new conversation: a subject and the first message. */
export function NewThreadForm({ patientId, asTeam = false, onStarted, onCancel }: NewThreadFormProps): ReactNode {
  const { t } = useTranslation('family');
  const start = useStartThread();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState<{ subject?: boolean; body?: boolean }>({});

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!subject.trim() || !body.trim()) {
      setMissing({ subject: !subject.trim(), body: !body.trim() });
      return;
    }
    start.mutate({ patientId, subject: subject.trim(), body: body.trim(), asTeam }, { onSuccess: onStarted });
  };

  return (
    <form noValidate onSubmit={submit} aria-label={t('threads.newLabel')}>
      <Stack gap="sm">
        {start.error ? (
          <Alert color="red" role="alert">
            {problemMessage(start.error, t)}
          </Alert>
        ) : null}
        <TextInput
          label={t('threads.subject')}
          required
          maxLength={100}
          value={subject}
          error={missing.subject ? t('threads.subjectRequired') : undefined}
          onChange={(event) => setSubject(event.currentTarget.value)}
        />
        <Textarea
          label={t('threads.message')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={body}
          error={missing.body ? t('threads.messageRequired') : undefined}
          onChange={(event) => setBody(event.currentTarget.value)}
        />
        <Group gap="sm">
          <Button type="submit" loading={start.isPending}>
            {t('threads.send')}
          </Button>
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
