import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { referralReasonSchema, visitQueryKey, type ReferralReason } from './schemas';

const referralSchema = z.object({ reason: referralReasonSchema, detail: z.string().nullish(), refundedAmount: z.number().nullish() });

/** Stops the online visit and refers the patient to in-person (or emergency) care. */
export function referVisit(visitId: string, reason: ReferralReason, detail: string): Promise<z.infer<typeof referralSchema>> {
  return apiJson(`/api/video-visits/${encodeURIComponent(visitId)}/refer`, referralSchema, { method: 'POST', body: { reason, detail } });
}

export function useReferVisit(visitId: string): UseMutationResult<z.infer<typeof referralSchema>, Error, { reason: ReferralReason; detail: string }> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reason, detail }) => referVisit(visitId, reason, detail),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitQueryKey(visitId) }),
  });
}
