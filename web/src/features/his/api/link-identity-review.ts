import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { hisIdentityReviewsQueryKey } from './query-keys';

export interface LinkIdentityInput {
  reviewId: string;
  hisPatientId: string;
  note?: string;
}

/** Links the patient to the chosen candidate's HIS record (audit-logged). */
export function linkIdentityReview({ reviewId, hisPatientId, note }: LinkIdentityInput): Promise<void> {
  return apiSend(`/api/admin/his/identity-reviews/${encodeURIComponent(reviewId)}/link`, {
    method: 'POST',
    body: { hisPatientId, note: note || null },
  });
}

export function useLinkIdentityReview(): UseMutationResult<void, Error, LinkIdentityInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: linkIdentityReview,
    onSettled: () => queryClient.invalidateQueries({ queryKey: hisIdentityReviewsQueryKey }),
  });
}
