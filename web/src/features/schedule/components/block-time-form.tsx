import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateFormError } from '@/lib/form-errors';
import { useServerFormErrors } from '@/lib/use-server-form-errors';
import { blockInputSchema, useBlockTime, type BlockInput, type BlockResult } from '../api/block-time';

const blockFields = ['startDate', 'endDate', 'reason'] as const;

/** Block time (leave, a meeting) in the hospital's local time. */
export function BlockTimeForm({ defaultDate, onDone }: { defaultDate: string; onDone: (result: BlockResult) => void }): ReactNode {
  const { t } = useTranslation('schedule');
  const block = useBlockTime();
  const form = useForm<BlockInput>({
    mode: 'controlled',
    initialValues: { startDate: defaultDate, startTime: '09:00', endDate: defaultDate, endTime: '12:00', reason: '' },
    validate: schemaResolver(blockInputSchema, { sync: true }),
    enhanceGetInputProps: ({ form: f, field }) => ({ error: translateFormError(f.errors[field], t) }),
  });
  // Note: the server names the day fields (startDate, endDate) and the reason; times travel inside the start and end.
  const { formError, setFormError, onError } = useServerFormErrors({ fields: blockFields, setFieldError: form.setFieldError }, t);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        block.mutate(values, { onSuccess: onDone, onError });
      })}
    >
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <TextInput type="date" label={t('block.startDate')} required {...form.getInputProps('startDate')} />
          <TextInput type="time" label={t('block.startTime')} required {...form.getInputProps('startTime')} />
          <TextInput type="date" label={t('block.endDate')} required {...form.getInputProps('endDate')} />
          <TextInput type="time" label={t('block.endTime')} required {...form.getInputProps('endTime')} />
        </SimpleGrid>
        <TextInput label={t('block.reason')} required {...form.getInputProps('reason')} />
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={block.isPending}>
            {t('block.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
