import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { familyQueryKey } from '../lib/query-keys';
import { followUpPlanSchema, type FollowUpPlan } from './get-patient-summary';

export interface StartPlanInput {
  patientId: string;
  templateCode: string;
  /** YYYY-MM-DD; the template's interval from today when omitted. */
  firstDueOn?: string;
}

/** Starts a follow-up plan from a template. 409 plan_already_active. */
export function startFollowUpPlan({ patientId, ...body }: StartPlanInput): Promise<FollowUpPlan> {
  return apiJson(`/api/family/panel/patients/${encodeURIComponent(patientId)}/follow-up-plans`, followUpPlanSchema, { method: 'POST', body });
}

export function useStartFollowUpPlan(): UseMutationResult<FollowUpPlan, Error, StartPlanInput> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: startFollowUpPlan, onSettled: () => queryClient.invalidateQueries({ queryKey: familyQueryKey }) });
}
