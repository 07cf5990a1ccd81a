import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { hisIdentityReviewsQueryKey } from './query-keys';

export interface RejectIdentityInput {
  reviewId: string;
  note?: string;
}

/** None of the candidates is this patient (audit-logged); the patient stays unlinked. */
export function rejectIdentityReview({ reviewId, note }: RejectIdentityInput): Promise<void> {
  return apiSend(`/api/admin/his/identity-reviews/${encodeURIComponent(reviewId)}/reject`, {
    method: 'POST',
    body: { note: note || null },
  });
}

export function useRejectIdentityReview(): UseMutationResult<void, Error, RejectIdentityInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rejectIdentityReview,
    onSettled: () => queryClient.invalidateQueries({ queryKey: hisIdentityReviewsQueryKey }),
  });
}
