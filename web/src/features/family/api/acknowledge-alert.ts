import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { familyQueryKey } from '../lib/query-keys';

export interface AcknowledgeInput {
  alertId: string;
  note?: string;
}

/** Acknowledges an alert for the team, noting what was done. 409 alert_already_acknowledged. */
export function acknowledgeAlert({ alertId, note }: AcknowledgeInput): Promise<void> {
  return apiSend(`/api/family/alerts/${encodeURIComponent(alertId)}/acknowledge`, { method: 'POST', body: { note: note ?? null } });
}

export function useAcknowledgeAlert(): UseMutationResult<void, Error, AcknowledgeInput> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: acknowledgeAlert, onSettled: () => queryClient.invalidateQueries({ queryKey: familyQueryKey }) });
}
