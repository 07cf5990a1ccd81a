import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { scheduleKeys } from './get-calendar';

export interface ReviewInput {
  appointmentId: string;
  accept: boolean;
  note?: string;
}

export function reviewFollowUp(input: ReviewInput): Promise<void> {
  return apiSend(`/api/appointments/${encodeURIComponent(input.appointmentId)}/follow-up-review`, { method: 'POST', body: { accept: input.accept, note: input.note } });
}

export function useReviewFollowUp(): UseMutationResult<void, Error, ReviewInput> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: reviewFollowUp, onSuccess: () => void queryClient.invalidateQueries({ queryKey: scheduleKeys.all }) });
}
