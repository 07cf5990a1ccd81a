import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateFormError } from '@/lib/form-errors';
import { problemMessage } from '@/lib/problem-message';
import { blockInputSchema, useBlockTime, type BlockInput, type BlockResult } from '../api/block-time';

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
  return (
    <form noValidate onSubmit={form.onSubmit((values) => block.mutate(values, { onSuccess: onDone }))}>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <TextInput type="date" label={t('block.startDate')} required {...form.getInputProps('startDate')} />
          <TextInput type="time" label={t('block.startTime')} required {...form.getInputProps('startTime')} />
          <TextInput type="date" label={t('block.endDate')} required {...form.getInputProps('endDate')} />
          <TextInput type="time" label={t('block.endTime')} required {...form.getInputProps('endTime')} />
        </SimpleGrid>
        <TextInput label={t('block.reason')} required {...form.getInputProps('reason')} />
        {block.isError && (
          <Alert color="red" role="alert">
            {problemMessage(block.error, t)}
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
