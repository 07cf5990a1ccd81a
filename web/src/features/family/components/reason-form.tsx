import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/lib/problem-message';

export interface ReasonFormProps {
  /** The label of the reason field (e.g. "Why are you ending the contract?"). */
  label: string;
  submitLabel: string;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  pending: boolean;
  error: unknown;
  color?: string;
}

/** A reason, required, for a decision the other side will read (decline, end early). */
export function ReasonForm({ label, submitLabel, onSubmit, onCancel, pending, error, color = 'red' }: ReasonFormProps): ReactNode {
  const { t } = useTranslation('family');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    onSubmit(reason.trim());
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
        {error ? (
          <Alert color="red" role="alert">
            {problemMessage(error, t)}
          </Alert>
        ) : null}
        <Textarea
          label={label}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          error={missing ? t('reasonRequired') : undefined}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setMissing(false);
          }}
        />
        <Group gap="sm">
          <Button type="submit" color={color} loading={pending}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
