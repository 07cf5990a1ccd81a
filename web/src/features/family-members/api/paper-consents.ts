import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson, apiSend } from '@/lib/api-client';
import { familyMemberKeys } from './query-keys';
import { scopeListSchema } from './schemas';

/**
 * (System administrators) requests waiting for a person's consent, for the person who signs a paper form at the desk
 * (no phone, no e-mail): attach the scan, check it, approve or reject it with a reason.
 */
export const pendingConsentSchema = z.object({
  invitationId: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  maskedIdNumber: z.string(),
  fromAccountName: z.string(),
  relation: z.string(),
  scopes: scopeListSchema,
  accessEndsOn: z.string().nullish(),
  createdAt: z.string(),
  expiresAt: z.string(),
  scan: z.object({ fileId: z.string(), fileName: z.string(), contentType: z.string() }).nullish(),
});
export type PendingConsent = z.infer<typeof pendingConsentSchema>;

export function getPendingConsents(): Promise<PendingConsent[]> {
  return apiJson('/api/admin/family/consents', z.array(pendingConsentSchema));
}

export function usePendingConsents(): UseQueryResult<PendingConsent[]> {
  return useQuery({ queryKey: familyMemberKeys.pendingConsents(), queryFn: getPendingConsents });
}

export const consentScanPath = (invitationId: string): string => `/api/admin/family/consents/${encodeURIComponent(invitationId)}/scan`;

export function attachConsentScan({ invitationId, file }: { invitationId: string; file: File }): Promise<void> {
  const form = new FormData();
  form.append('file', file);
  return apiJson(consentScanPath(invitationId), z.unknown(), { method: 'POST', form }).then(() => undefined);
}

export function approveConsent({ invitationId, scannedFileId }: { invitationId: string; scannedFileId: string }): Promise<void> {
  return apiSend('/api/admin/family/consents', { method: 'POST', body: { invitationId, scannedFileId } });
}

export function rejectConsent({ invitationId, reason }: { invitationId: string; reason: string }): Promise<void> {
  return apiSend(`/api/admin/family/consents/${encodeURIComponent(invitationId)}/reject`, { method: 'POST', body: { reason } });
}

function useConsentMutation<T>(mutationFn: (input: T) => Promise<void>): UseMutationResult<void, Error, T> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: familyMemberKeys.pendingConsents() }) });
}

export const useAttachConsentScan = (): UseMutationResult<void, Error, { invitationId: string; file: File }> => useConsentMutation(attachConsentScan);
export const useApproveConsent = (): UseMutationResult<void, Error, { invitationId: string; scannedFileId: string }> => useConsentMutation(approveConsent);
export const useRejectConsent = (): UseMutationResult<void, Error, { invitationId: string; reason: string }> => useConsentMutation(rejectConsent);
