import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { familyQueryKey } from '../lib/query-keys';
import type { RiskLevel } from './get-panel';

export interface AssessmentInput {
  patientId: string;
  risk: RiskLevel;
  conditions: string[];
}

/** Sets a signed patient's risk level and the chronic conditions the panel files them under. */
export function assessPatient({ patientId, risk, conditions }: AssessmentInput): Promise<void> {
  return apiSend(`/api/family/panel/patients/${encodeURIComponent(patientId)}/assessment`, { method: 'PUT', body: { risk, conditions } });
}

export function useAssessPatient(): UseMutationResult<void, Error, AssessmentInput> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: assessPatient, onSettled: () => queryClient.invalidateQueries({ queryKey: familyQueryKey }) });
}
