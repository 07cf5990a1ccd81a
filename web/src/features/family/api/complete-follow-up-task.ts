import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { familyQueryKey } from '../lib/query-keys';
import { followUpPlanSchema, type FollowUpPlan } from './get-patient-summary';

export interface CompleteTaskInput {
  taskId: string;
  note: string;
}

/** Completes a follow-up task with a short note; the plan schedules the next one. */
export function completeFollowUpTask({ taskId, note }: CompleteTaskInput): Promise<FollowUpPlan> {
  return apiJson(`/api/family/follow-up-tasks/${encodeURIComponent(taskId)}/complete`, followUpPlanSchema, { method: 'POST', body: { note } });
}

export function useCompleteFollowUpTask(): UseMutationResult<FollowUpPlan, Error, CompleteTaskInput> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: completeFollowUpTask, onSettled: () => queryClient.invalidateQueries({ queryKey: familyQueryKey }) });
}
