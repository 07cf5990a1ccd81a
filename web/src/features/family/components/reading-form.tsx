import { Alert, Button, Group, NativeSelect, NumberInput, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerFormErrors } from '@/lib/use-server-form-errors';
import { measurementKinds, type GlucoseTiming, type MeasurementKind } from '../api/get-measurements';
import { measurementFields, useRecordMeasurement, type MeasurementField, type MeasurementInput, type RecordedMeasurement } from '../api/record-measurement';

type NumberField = 'systolic' | 'diastolic' | 'heartRate' | 'glucose' | 'weightKg';

const requiredFields: Record<MeasurementKind, NumberField[]> = {
  BloodPressure: ['systolic', 'diastolic'],
  HeartRate: ['heartRate'],
  BloodGlucose: ['glucose'],
  Weight: ['weightKg'],
};

export interface ReadingFormProps {
  patientId: string;
  onRecorded: (result: RecordedMeasurement) => void;
}

/** Record a home reading: the fields follow the kind; plausible limits are checked by the server (field errors). */
export function ReadingForm({ patientId, onRecorded }: ReadingFormProps): ReactNode {
  const { t } = useTranslation('family');
  const record = useRecordMeasurement();
  const [kind, setKind] = useState<MeasurementKind>('BloodPressure');
  const [values, setValues] = useState<Partial<Record<NumberField, number>>>({});
  const [timing, setTiming] = useState<GlucoseTiming | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<MeasurementField, string>>>({});
  const { formError, setFormError, onError } = useServerFormErrors(
    { fields: measurementFields, setFieldError: (field, message) => setErrors((current) => ({ ...current, [field]: message })) },
    t,
    { fixErrorsMessage: t('reading.fixErrors') },
  );

  const numberProps = (field: NumberField): { value: number | ''; onChange: (v: number | string) => void; error?: string } => ({
    value: values[field] ?? '',
    onChange: (value) => {
      setValues((current) => ({ ...current, [field]: typeof value === 'number' ? value : undefined }));
      setErrors((current) => ({ ...current, [field]: undefined }));
    },
    error: errors[field],
  });

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setFormError(null);
    const missing: Partial<Record<MeasurementField, string>> = {};
    for (const field of requiredFields[kind]) if (values[field] === undefined) missing[field] = t('reading.required');
    if (kind === 'BloodGlucose' && !timing) missing.glucoseTiming = t('reading.timingRequired');
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      return;
    }
    const input: MeasurementInput = { patientId, kind, note: note.trim() || undefined };
    if (kind === 'BloodPressure') Object.assign(input, { systolic: values.systolic, diastolic: values.diastolic, heartRate: values.heartRate });
    if (kind === 'HeartRate') input.heartRate = values.heartRate;
    if (kind === 'BloodGlucose') Object.assign(input, { glucose: values.glucose, glucoseTiming: timing || undefined });
    if (kind === 'Weight') input.weightKg = values.weightKg;
    setErrors({});
    record.mutate(input, {
      onSuccess: (result) => {
        setValues({});
        setNote('');
        setTiming('');
        onRecorded(result);
      },
      onError,
    });
  };

  return (
    <form noValidate onSubmit={submit} aria-label={t('reading.formLabel')}>
      <Stack gap="md">
        {formError ? (
          <Alert color="red" role="alert" icon={<IconAlertCircle aria-hidden="true" />}>
            {formError}
          </Alert>
        ) : null}
        <NativeSelect
          label={t('reading.kind')}
          value={kind}
          data={measurementKinds.map((value) => ({ value, label: t(`kinds.${value}`) }))}
          onChange={(event) => {
            setKind(event.currentTarget.value as MeasurementKind);
            setErrors({});
          }}
        />
        {kind === 'BloodPressure' ? (
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <NumberInput label={t('reading.systolic')} required suffix=" mmHg" allowDecimal={false} inputMode="numeric" {...numberProps('systolic')} />
            <NumberInput label={t('reading.diastolic')} required suffix=" mmHg" allowDecimal={false} inputMode="numeric" {...numberProps('diastolic')} />
            <NumberInput label={t('reading.pulseOptional')} allowDecimal={false} inputMode="numeric" {...numberProps('heartRate')} />
          </SimpleGrid>
        ) : null}
        {kind === 'HeartRate' ? <NumberInput label={t('reading.heartRate')} required allowDecimal={false} inputMode="numeric" {...numberProps('heartRate')} /> : null}
        {kind === 'BloodGlucose' ? (
          <>
            <NumberInput label={t('reading.glucose')} required suffix=" mmol/L" decimalScale={1} inputMode="decimal" {...numberProps('glucose')} />
            <Radio.Group
              label={t('reading.timing')}
              required
              value={timing}
              onChange={(value) => {
                setTiming(value);
                setErrors((current) => ({ ...current, glucoseTiming: undefined }));
              }}
              error={errors.glucoseTiming}
            >
              <Group mt="xs">
                <Radio value="Fasting" label={t('timing.Fasting')} />
                <Radio value="AfterMeal" label={t('timing.AfterMeal')} />
              </Group>
            </Radio.Group>
          </>
        ) : null}
        {kind === 'Weight' ? <NumberInput label={t('reading.weight')} required suffix=" kg" decimalScale={1} inputMode="decimal" {...numberProps('weightKg')} /> : null}
        <TextInput label={t('reading.note')} maxLength={200} value={note} error={errors.note} onChange={(event) => setNote(event.currentTarget.value)} />
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('reading.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
