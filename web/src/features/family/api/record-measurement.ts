import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { familyQueryKey } from '../lib/query-keys';
import { glucoseTimings, measurementKinds, measurementSchema, type GlucoseTiming, type MeasurementKind } from './get-measurements';

/** The reading form's fields, as the API names them. */
export const measurementFields = ['kind', 'systolic', 'diastolic', 'heartRate', 'glucose', 'glucoseTiming', 'weightKg', 'measuredAt', 'note'] as const;
export type MeasurementField = (typeof measurementFields)[number];

export interface MeasurementInput {
  patientId: string;
  kind: MeasurementKind;
  systolic?: number;
  diastolic?: number;
  heartRate?: number;
  glucose?: number;
  glucoseTiming?: GlucoseTiming;
  weightKg?: number;
  note?: string;
}

export const recordedMeasurementSchema = z.object({
  measurement: measurementSchema,
  advice: z.enum(['None', 'RecheckAndTellTeam', 'SeekEmergencyCare']),
  teamAlerted: z.boolean(),
});
export type RecordedMeasurement = z.infer<typeof recordedMeasurementSchema>;

/** Records a home reading. 400 with field errors for implausible values; a dangerous one answers SeekEmergencyCare. */
export function recordMeasurement({ patientId, ...body }: MeasurementInput): Promise<RecordedMeasurement> {
  return apiJson(`/api/family/patients/${encodeURIComponent(patientId)}/measurements`, recordedMeasurementSchema, { method: 'POST', body });
}

export function useRecordMeasurement(): UseMutationResult<RecordedMeasurement, Error, MeasurementInput> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: recordMeasurement, onSuccess: () => queryClient.invalidateQueries({ queryKey: familyQueryKey }) });
}

export { glucoseTimings, measurementKinds };
