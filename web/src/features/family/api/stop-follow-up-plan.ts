import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { familyQueryKey } from '../lib/query-keys';

/** Stops a follow-up plan; its open task is cancelled. */
export function stopFollowUpPlan(planId: string): Promise<void> {
  return apiSend(`/api/family/follow-up-plans/${encodeURIComponent(planId)}/stop`, { method: 'POST' });
}

export function useStopFollowUpPlan(): UseMutationResult<void, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: stopFollowUpPlan, onSettled: () => queryClient.invalidateQueries({ queryKey: familyQueryKey }) });
}
