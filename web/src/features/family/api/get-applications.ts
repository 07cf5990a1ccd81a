import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { panelQueryKey } from '../lib/query-keys';

export const applicationSchema = z.object({
  contractId: z.string(),
  kind: z.enum(['NewContract', 'Renewal']),
  patientId: z.string(),
  patientName: z.string(),
  sex: z.enum(['Male', 'Female']),
  age: z.number().int(),
  maskedIdNumber: z.string(),
  team: z.object({ id: z.string(), name: z.string(), nameEn: z.string() }),
  package: z.object({ id: z.string(), code: z.string(), name: z.string(), nameEn: z.string() }),
  requestedAt: z.string(),
  note: z.string().nullable(),
  endsAt: z.string().nullable(),
});
export type Application = z.infer<typeof applicationSchema>;

/** New applications and renewal requests waiting for the doctor's teams, oldest first. */
export function getApplications(): Promise<Application[]> {
  return apiJson('/api/family/applications', z.array(applicationSchema));
}

export function useApplications(): UseQueryResult<Application[]> {
  // Note: other people change this list (patients submit, colleagues decide): fetched afresh whenever it is opened.
  return useQuery({ queryKey: [...panelQueryKey, 'applications'], queryFn: getApplications, staleTime: 0 });
}
