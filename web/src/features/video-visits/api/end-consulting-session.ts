import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { consultingSessionQueryKey } from './get-consulting-session';

/** Ends the session (leaving the workstation). */
export function endConsultingSession(): Promise<void> {
  return apiSend('/api/video-visits/consulting-session', { method: 'DELETE' });
}

export function useEndConsultingSession(): UseMutationResult<void, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endConsultingSession,
    onSuccess: () => queryClient.setQueryData(consultingSessionQueryKey, { active: false }),
  });
}
