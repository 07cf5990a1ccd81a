import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFilter, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutboxKinds } from '../api/get-outbox-kinds';
import { kindLabel } from '../lib/labels';
import { isPatientId, type OutboxSearch } from '../lib/outbox-search';

type FilterValues = Pick<OutboxSearch, 'kind' | 'patientId' | 'from' | 'to'>;

export interface OutboxFiltersProps {
  value: FilterValues;
  onApply: (filters: FilterValues) => void;
}

const empty: FilterValues = { kind: '', patientId: '', from: '', to: '' };

/** Kind, patient and the days the messages were written; applied together (status is chosen above the list). */
export function OutboxFilters({ value, onApply }: OutboxFiltersProps): ReactNode {
  const { t } = useTranslation('his');
  const kinds = useOutboxKinds();
  const form = useForm<FilterValues>({
    mode: 'controlled',
    initialValues: value,
    validate: {
      patientId: (id) => (id.trim() && !isPatientId(id) ? t('outbox.patientIdInvalid') : null),
      to: (to, values) => (to && values.from && to < values.from ? t('outbox.toBeforeFrom') : null),
    },
  });

  return (
    <form
      role="search"
      aria-label={t('outbox.filters')}
      noValidate
      onSubmit={form.onSubmit((values) => onApply({ ...values, patientId: values.patientId.trim() }))}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Select
          label={t('outbox.kind')}
          placeholder={t('outbox.allKinds')}
          data={(kinds.data ?? []).map((kind) => ({ value: kind, label: kindLabel(kind, t) }))}
          clearable
          allowDeselect
          value={form.values.kind || null}
          onChange={(kind) => form.setFieldValue('kind', kind ?? '')}
        />
        <TextInput
          label={t('outbox.patientId')}
          spellCheck={false}
          autoComplete="off"
          {...form.getInputProps('patientId')}
        />
        <TextInput type="date" label={t('outbox.from')} {...form.getInputProps('from')} />
        <TextInput type="date" label={t('outbox.to')} {...form.getInputProps('to')} />
      </SimpleGrid>
      <Group mt="sm" gap="sm">
        <Button type="submit" leftSection={<IconFilter size={16} aria-hidden="true" />}>
          {t('outbox.apply')}
        </Button>
        <Button
          variant="subtle"
          leftSection={<IconX size={16} aria-hidden="true" />}
          onClick={() => {
            form.setValues(empty);
            onApply(empty);
          }}
        >
          {t('outbox.clear')}
        </Button>
      </Group>
    </form>
  );
}
