import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateFormError } from '@/lib/form-errors';
import { discardSchema, useDiscardOutboxMessage, type DiscardInput } from '../api/discard-outbox-message';
import { ProblemAlert } from '@/components/problem-alert';

export interface DiscardMessageDialogProps {
  messageId: string;
  opened: boolean;
  onClose: () => void;
  onDiscarded: () => void;
}

/** Asks why before a message is given up on; the reason is kept with the message and in the audit log. */
export function DiscardMessageDialog({ messageId, opened, onClose, onDiscarded }: DiscardMessageDialogProps): ReactNode {
  const { t } = useTranslation('his');
  const discard = useDiscardOutboxMessage();
  const form = useForm<DiscardInput>({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: schemaResolver(discardSchema, { sync: true }),
    enhanceGetInputProps: ({ form: f, field }) => ({ error: translateFormError(f.errors[field], t) }),
  });

  const close = (): void => {
    discard.reset();
    form.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('discard.title')} centered>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          discard.mutate({ id: messageId, reason: values.reason.trim() }, { onSuccess: () => {
            form.reset();
            onDiscarded();
          } }),
        )}
      >
        <Stack gap="md">
          <Text size="sm">{t('discard.explain')}</Text>
          <Textarea label={t('discard.reason')} required rows={3} maxLength={500} data-autofocus {...form.getInputProps('reason')} />
          {discard.isError && <ProblemAlert error={discard.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('discard.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={discard.isPending}>
              {t('discard.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
