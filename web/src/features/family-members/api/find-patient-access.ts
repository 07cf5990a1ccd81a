import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { familyMemberKeys } from './query-keys';
import { scopeListSchema } from './schemas';

export const patientAccessSchema = z.array(
  z.object({
    accessId: z.string(),
    accountName: z.string(),
    patientName: z.string().nullish(),
    relationship: z.string(),
    relation: z.string().nullish(),
    scopes: scopeListSchema,
    grantedAt: z.string().nullish(),
    accessEndsOn: z.string().nullish(),
    endedAt: z.string().nullish(),
    endReason: z.string().nullish(),
  }),
);
export type PatientAccess = z.infer<typeof patientAccessSchema>;

/** (System administrators) the accounts that may act for a patient. */
export function findPatientAccess(patientId: string): Promise<PatientAccess> {
  return apiJson(`/api/admin/patient-access?patientId=${encodeURIComponent(patientId)}`, patientAccessSchema);
}

export function usePatientAccess(patientId: string): UseQueryResult<PatientAccess> {
  return useQuery({ queryKey: familyMemberKeys.adminAccess(patientId), queryFn: () => findPatientAccess(patientId), enabled: patientId !== '' });
}
