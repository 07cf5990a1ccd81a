import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { familyQueryKey } from '../lib/query-keys';

export const measurementKinds = ['BloodPressure', 'HeartRate', 'BloodGlucose', 'Weight'] as const;
export type MeasurementKind = (typeof measurementKinds)[number];
export const glucoseTimings = ['Fasting', 'AfterMeal'] as const;
export type GlucoseTiming = (typeof glucoseTimings)[number];
export type MeasurementFlag = 'Normal' | 'OutOfTarget' | 'Dangerous';

export const measurementSchema = z.object({
  id: z.string(),
  kind: z.enum(measurementKinds),
  systolic: z.number().nullable(),
  diastolic: z.number().nullable(),
  heartRate: z.number().nullable(),
  glucose: z.number().nullable(),
  glucoseTiming: z.enum(glucoseTimings).nullable(),
  weightKg: z.number().nullable(),
  measuredAt: z.string(),
  flag: z.enum(['Normal', 'OutOfTarget', 'Dangerous']),
  findings: z.array(z.string()),
  note: z.string().nullable(),
});
export type Measurement = z.infer<typeof measurementSchema>;

const rangeSchema = z.object({ min: z.number(), max: z.number() });
export const targetsSchema = z.object({
  systolic: rangeSchema,
  diastolic: rangeSchema,
  heartRate: rangeSchema,
  fastingGlucose: rangeSchema,
  afterMealGlucose: rangeSchema,
  crisisSystolic: z.number(),
  crisisDiastolic: z.number(),
  dangerouslyLowGlucose: z.number(),
  dangerouslyHighGlucose: z.number(),
});
export type MeasurementTargets = z.infer<typeof targetsSchema>;

export const measurementHistorySchema = z.object({ items: z.array(measurementSchema), targets: targetsSchema });
export type MeasurementHistory = z.infer<typeof measurementHistorySchema>;

export function measurementsQueryKey(patientId: string): readonly unknown[] {
  return [...familyQueryKey, 'measurements', patientId];
}

/** The patient's own home readings of the last 90 days, oldest first, with the target ranges. */
export function getMeasurements(patientId: string, days = 90): Promise<MeasurementHistory> {
  return apiJson(`/api/family/patients/${encodeURIComponent(patientId)}/measurements?days=${days}`, measurementHistorySchema);
}

export function useMeasurements(patientId: string | undefined): UseQueryResult<MeasurementHistory> {
  return useQuery({ queryKey: measurementsQueryKey(patientId ?? ''), queryFn: () => getMeasurements(patientId!), enabled: Boolean(patientId) });
}
