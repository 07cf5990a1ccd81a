import { useMutation, useQuery, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const patientMatchSchema = z.object({
  id: z.string(),
  name: z.string(),
  maskedIdNumber: z.string(),
  dateOfBirth: z.string(),
  sex: z.string(),
});
export type PatientMatch = z.infer<typeof patientMatchSchema>;

/** Find a patient by exact ID number or by name; a POST so the number never appears in a URL (the search is audited). */
export function findPatients(search: { idNumber?: string; name?: string }): Promise<PatientMatch[]> {
  return apiJson('/api/admin/patients/search', z.array(patientMatchSchema), {
    method: 'POST',
    body: { idNumber: search.idNumber || null, name: search.name || null },
  });
}

export function useFindPatients(): UseMutationResult<PatientMatch[], Error, { idNumber?: string; name?: string }> {
  return useMutation({ mutationFn: findPatients });
}

export const auditLineSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string().nullish(),
  actorRoles: z.string().nullish(),
  action: z.string(),
  resource: z.string(),
  resourceId: z.string().nullish(),
  ipAddress: z.string().nullish(),
  detail: z.string().nullish(),
});
export type AuditLine = z.infer<typeof auditLineSchema>;

const auditPageSchema = z.object({ items: z.array(auditLineSchema), page: z.number(), pageSize: z.number(), total: z.number() });
export type AuditPage = z.infer<typeof auditPageSchema>;

/** Who read or changed this patient's data (newest first), a page at a time. */
export function getPatientAudit(patientId: string, page: number): Promise<AuditPage> {
  return apiJson(`/api/admin/audit?patientId=${encodeURIComponent(patientId)}&page=${page}&pageSize=50`, auditPageSchema);
}

export function usePatientAudit(patientId: string | null, page: number): UseQueryResult<AuditPage> {
  return useQuery({
    queryKey: ['admin', 'audit', patientId, page],
    queryFn: () => getPatientAudit(patientId ?? '', page),
    enabled: patientId !== null,
  });
}

export const auditChainReportSchema = z.object({
  intact: z.boolean(),
  checked: z.number(),
  brokenAtSequence: z.number().nullish(),
  problem: z.string().nullish(),
  unsealed: z.number().optional().default(0),
});
export type AuditChainReport = z.infer<typeof auditChainReportSchema>;

export function verifyAuditChain(): Promise<AuditChainReport> {
  return apiJson('/api/admin/audit/verify', auditChainReportSchema);
}

export function useVerifyAuditChain(): UseMutationResult<AuditChainReport, Error, void> {
  return useMutation({ mutationFn: verifyAuditChain });
}
