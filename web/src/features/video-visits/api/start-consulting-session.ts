import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { consultingSessionQueryKey, consultingSessionSchema, type ConsultingSession } from './get-consulting-session';

export interface IdentityCheck {
  password: string;
  code?: string;
}

/** Starts a session of visits with the password (and the authenticator code when two-factor sign-in is on). */
export function startConsultingSession(body: IdentityCheck): Promise<ConsultingSession> {
  return apiJson('/api/video-visits/consulting-session', consultingSessionSchema, { method: 'POST', body });
}

export function useStartConsultingSession(): UseMutationResult<ConsultingSession, Error, IdentityCheck> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startConsultingSession,
    onSuccess: (session) => queryClient.setQueryData(consultingSessionQueryKey, session),
  });
}
