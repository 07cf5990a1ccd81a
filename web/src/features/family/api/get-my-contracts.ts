import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { familyQueryKey } from '../lib/query-keys';

export const contractStatuses = ['Pending', 'Active', 'Declined', 'Withdrawn', 'Ended', 'Expired'] as const;
export type ContractStatus = (typeof contractStatuses)[number];

const refSchema = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });

export const contractSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  status: z.enum(contractStatuses),
  team: refSchema,
  package: refSchema.extend({ code: z.string() }),
  appliedAt: z.string(),
  applicationNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  terms: z.number().int(),
  inForce: z.boolean(),
  renewalOpensAt: z.string().nullable(),
  canRequestRenewal: z.boolean(),
  renewalRequestedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  endedBy: z.enum(['Patient', 'Team', 'System']).nullable(),
  endReason: z.string().nullable(),
  history: z.array(
    z.object({ type: z.string(), at: z.string(), party: z.enum(['Patient', 'Team', 'System']), reason: z.string().nullable() }),
  ),
});
export type Contract = z.infer<typeof contractSchema>;

export const patientContractsSchema = z.object({ current: contractSchema.nullable(), history: z.array(contractSchema) });
export type PatientContracts = z.infer<typeof patientContractsSchema>;

export function contractsQueryKey(patientId: string): readonly unknown[] {
  return [...familyQueryKey, 'contracts', patientId];
}

/** The patient's current contract (pending or in force) and the past ones. */
export function getMyContracts(patientId: string): Promise<PatientContracts> {
  return apiJson(`/api/family/patients/${encodeURIComponent(patientId)}/contracts`, patientContractsSchema);
}

export function useMyContracts(patientId: string | undefined): UseQueryResult<PatientContracts> {
  return useQuery({
    queryKey: contractsQueryKey(patientId ?? ''),
    queryFn: () => getMyContracts(patientId!),
    enabled: Boolean(patientId),
  });
}
