import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { allergySchema, medicationSchema, renewabilitySchema, renewalsQueryKey } from './schemas';

export const medicationsSchema = z.object({
  patientId: z.string(),
  hisLinked: z.boolean(),
  hisAsOf: z.string().nullish().transform((v) => v ?? null),
  hisStale: z.boolean(),
  medications: z.array(z.object({ medication: medicationSchema, renewal: renewabilitySchema })),
  allergies: z.array(allergySchema),
});
export type MedicationsView = z.infer<typeof medicationsSchema>;

/** "My medications": the hospital's list merged with prescriptions from this portal, with what can be renewed. */
export function getMedications(patientId: string): Promise<MedicationsView> {
  return apiJson(`/api/patients/${encodeURIComponent(patientId)}/medications`, medicationsSchema);
}

export const medicationsQueryOptions = (patientId: string) =>
  queryOptions({ queryKey: [...renewalsQueryKey, 'medications', patientId], queryFn: () => getMedications(patientId) });

export function useMedications(patientId: string | undefined): UseQueryResult<MedicationsView> {
  return useQuery({ ...medicationsQueryOptions(patientId ?? ''), enabled: Boolean(patientId) });
}
