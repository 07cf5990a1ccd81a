import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { familyMemberKeys } from './query-keys';
import type { Scope } from './schemas';

export type InvitationAnswer = { token: string; accept: true; scopes: Scope[]; accessEndsOn: string | null } | { token: string; accept: false };

/** Consent (with the scopes and end date the adult chose) or refusal. */
export function answerInvitation(answer: InvitationAnswer): Promise<void> {
  const path = `/api/family/invitations/${encodeURIComponent(answer.token)}`;
  return answer.accept
    ? apiSend(`${path}/accept`, { method: 'POST', body: { scopes: answer.scopes, accessEndsOn: answer.accessEndsOn } })
    : apiSend(`${path}/decline`, { method: 'POST' });
}

export function useAnswerInvitation(): UseMutationResult<void, Error, InvitationAnswer> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: answerInvitation,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: familyMemberKeys.all }),
  });
}
