import { Button, Card, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { vitalFields, vitalLimits, type EmergencyCase, type VitalField, type Vitals } from '../api/schemas';
import type { QueuedWrite } from '../lib/queue-store';
import { enqueueCrewWrite } from '../lib/crew-queue';
import { checkVitals, type VitalError, type VitalValues } from '../lib/vitals';
import { timeOf, VitalsLine } from './parts';

/** A set of vital signs, each field with its limits shown before anything is sent; the series below. */
export function CrewVitals({ caseId, current, waiting }: { caseId: string; current: EmergencyCase | undefined; waiting: readonly QueuedWrite[] }): ReactNode {
  const { t, i18n } = useTranslation('emergency');
  const [values, setValues] = useState<VitalValues>({});
  const [errors, setErrors] = useState<Partial<Record<VitalField, VitalError>>>({});
  const [empty, setEmpty] = useState(false);

  const message = (field: VitalField, error: VitalError | undefined): string | undefined => {
    if (!error) return undefined;
    if (error.kind === 'range') return t('limits.outside', { min: error.min, max: error.max, unit: t(`vitals.units.${field}`) });
    if (error.kind === 'diastolicAboveSystolic') return t('limits.diastolic');
    return t('limits.number');
  };

  const add = async () => {
    const checked = checkVitals(values);
    setErrors(checked.errors);
    const hasValue = Object.keys(checked.body).length > 0;
    setEmpty(!hasValue && Object.keys(checked.errors).length === 0);
    if (Object.keys(checked.errors).length > 0 || !hasValue) return;
    // Clear the form before the (asynchronous) save: a crew member typing the next reading at once must not lose it.
    const entered = values;
    setValues({});
    try {
      await enqueueCrewWrite(caseId, 'vitals', { measuredAt: new Date().toISOString(), ...checked.body });
    } catch (error) {
      setValues(entered);
      throw error;
    }
  };

  const queued = waiting.filter((write) => write.kind === 'vitals' && !write.rejected);
  const series = [...(current?.vitals ?? [])].sort((a, b) => b.measuredAt.localeCompare(a.measuredAt));

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {vitalFields.map((field) => {
          const limits = vitalLimits[field];
          return (
            <NumberInput
              key={field}
              size="lg"
              label={t(`vitals.fields.${field}`)}
              description={t('limits.range', { min: limits.min, max: limits.max, unit: t(`vitals.units.${field}`) })}
              decimalScale={limits.step < 1 ? 1 : 0}
              allowNegative={false}
              hideControls
              value={values[field] ?? ''}
              onChange={(value) => setValues((previous) => ({ ...previous, [field]: value }))}
              error={message(field, errors[field])}
              inputMode={limits.step < 1 ? 'decimal' : 'numeric'}
            />
          );
        })}
      </SimpleGrid>
      {empty && (
        <Text c="red.9" role="alert">
          {t('vitals.empty')}
        </Text>
      )}
      <Button size="xl" onClick={() => void add()} data-testid="add-vitals">
        {t('vitals.add')}
      </Button>
      {queued.map((write) => (
        <Card key={write.key} withBorder padding="sm" bg="orange.0" data-testid="queued-vitals">
          <Group justify="space-between">
            <Text size="sm" fw={700}>
              {timeOf(write.recordedAt, i18n.language)} · {t('sync.waitingOne')}
            </Text>
          </Group>
          <VitalsLine vitals={{ id: write.key, measuredAt: write.recordedAt, ...emptyVitals, ...(write.payload as Partial<Vitals>) }} />
        </Card>
      ))}
      {series.map((vitals) => (
        <Card key={vitals.id} withBorder padding="sm">
          <Text size="sm" fw={700}>
            {timeOf(vitals.measuredAt, i18n.language)}
            {vitals.recordedByName ? ` · ${vitals.recordedByName}` : ''}
          </Text>
          <VitalsLine vitals={vitals} />
        </Card>
      ))}
    </Stack>
  );
}

const emptyVitals = {
  heartRate: null,
  systolic: null,
  diastolic: null,
  spO2: null,
  respiratoryRate: null,
  temperature: null,
  glucose: null,
  gcs: null,
  recordedByName: null,
};
