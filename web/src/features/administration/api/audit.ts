import { useMutation, useQuery, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { downloadFromApi } from '@/lib/download';
import { addDays, hospitalDayStart } from '@/lib/date-time';

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
  actorAccountId: z.string().nullish(),
  actorName: z.string().nullish(),
  patientId: z.string().nullish(),
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

/** What the audit page searches for; days are calendar days in the hospital's time zone, both inclusive. */
export interface AuditFilter {
  patientId?: string | null;
  actor?: string;
  action?: string;
  fromDay?: string;
  toDay?: string;
}

/** The filter as the API's query string (without paging): days become instants at the hospital's midnight. */
export function auditQuery(filter: AuditFilter): URLSearchParams {
  const query = new URLSearchParams();
  if (filter.patientId) query.set('patientId', filter.patientId);
  if (filter.actor?.trim()) query.set('actor', filter.actor.trim());
  if (filter.action) query.set('action', filter.action);
  const from = filter.fromDay ? hospitalDayStart(filter.fromDay) : null;
  if (from) query.set('from', from.toISOString());
  // Note: the server's "to" is exclusive, so an inclusive last day ends where the next day starts.
  const to = filter.toDay ? hospitalDayStart(addDays(filter.toDay, 1)) : null;
  if (to) query.set('to', to.toISOString());
  return query;
}

/** Whether the filter names enough for the server (a patient, a person or an action). */
export function hasAuditSubject(filter: AuditFilter): boolean {
  return Boolean(filter.patientId || filter.actor?.trim() || filter.action);
}

/** Who read or changed what (newest first), a page at a time. */
export function getAuditLog(filter: AuditFilter, page: number): Promise<AuditPage> {
  const query = auditQuery(filter);
  query.set('page', String(page));
  query.set('pageSize', '50');
  return apiJson(`/api/admin/audit?${query.toString()}`, auditPageSchema);
}

export function useAuditLog(filter: AuditFilter | null, page: number): UseQueryResult<AuditPage> {
  return useQuery({
    queryKey: ['admin', 'audit', filter, page],
    queryFn: () => getAuditLog(filter ?? {}, page),
    enabled: filter !== null && hasAuditSubject(filter),
  });
}

/** The action codes the log holds, for the action filter. */
export function useAuditActions(): UseQueryResult<string[]> {
  return useQuery({ queryKey: ['admin', 'audit', 'actions'], queryFn: () => apiJson('/api/admin/audit/actions', z.array(z.string())) });
}

/**
 * Downloads the current search as CSV. The file needs the bearer token, so it is fetched and handed to the browser
 * as an object URL rather than linked to.
 */
export async function downloadAuditCsv(filter: AuditFilter): Promise<void> {
  await downloadFromApi(`/api/admin/audit/export?${auditQuery(filter).toString()}`, 'audit-log.csv');
}

export function useDownloadAuditCsv(): UseMutationResult<void, Error, AuditFilter> {
  return useMutation({ mutationFn: downloadAuditCsv });
}

export const auditChainReportSchema = z.object({
  intact: z.boolean(),
  checked: z.number(),
  brokenAtSequence: z.number().nullish(),
  problem: z.string().nullish(),
  unsealed: z.number().optional().default(0),
  headSequence: z.number().optional().default(0),
  tailCut: z.boolean().optional().default(false),
  checkpointSequence: z.number().nullish(),
  checkpointAt: z.string().nullish(),
  rejectedCheckpoints: z.number().optional().default(0),
  reason: z.string().nullish(),
});
export type AuditChainReport = z.infer<typeof auditChainReportSchema>;

export function verifyAuditChain(): Promise<AuditChainReport> {
  return apiJson('/api/admin/audit/verify', auditChainReportSchema);
}

export function useVerifyAuditChain(): UseMutationResult<AuditChainReport, Error, void> {
  return useMutation({ mutationFn: verifyAuditChain });
}
