import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { doctorDecisionSchema, type DoctorDecision } from './approve-renewal';
import { renewalsQueryKey } from './schemas';

export type DeclineKind = 'reject' | 'request-visit';

/** The doctor rejects with a reason, or asks for a video visit first. */
export function declineRenewal(renewalId: string, kind: DeclineKind, reason: string): Promise<DoctorDecision> {
  return apiJson(`/api/doctor/renewals/${encodeURIComponent(renewalId)}/${kind}`, doctorDecisionSchema, { method: 'POST', body: { reason } });
}

export function useDeclineRenewal(renewalId: string): UseMutationResult<DoctorDecision, Error, { kind: DeclineKind; reason: string }> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, reason }) => declineRenewal(renewalId, kind, reason),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: renewalsQueryKey }),
  });
}
