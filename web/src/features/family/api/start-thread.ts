import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { familyQueryKey } from '../lib/query-keys';
import { threadDetailSchema, type ThreadDetail } from './get-thread';

export interface StartThreadInput {
  patientId: string;
  subject: string;
  body: string;
  /** The doctor's route (writing to a signed patient) instead of the patient's own. */
  asTeam?: boolean;
}

/** Starts a conversation. 422 no_family_doctor without a contract in force; 429 when sending too fast. */
export function startThread({ patientId, subject, body, asTeam = false }: StartThreadInput): Promise<ThreadDetail> {
  const path = asTeam ? `/api/family/panel/patients/${encodeURIComponent(patientId)}/threads` : `/api/family/patients/${encodeURIComponent(patientId)}/threads`;
  return apiJson(path, threadDetailSchema, { method: 'POST', body: { subject, body } });
}

export function useStartThread(): UseMutationResult<ThreadDetail, Error, StartThreadInput> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: startThread, onSuccess: () => queryClient.invalidateQueries({ queryKey: familyQueryKey }) });
}
