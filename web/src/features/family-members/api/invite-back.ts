import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { familyMemberKeys } from './query-keys';
import type { Scope } from './schemas';

export interface InviteBackInput {
  accessId: string;
  scopes: Scope[];
  accessEndsOn: string | null;
}

/** The young adult's own consent: the former guardian acts for them again, as a proxy within these scopes. */
export function inviteBack({ accessId, scopes, accessEndsOn }: InviteBackInput): Promise<void> {
  return apiSend(`/api/family/proxies/${encodeURIComponent(accessId)}/invite-back`, { method: 'POST', body: { scopes, accessEndsOn } });
}

export function useInviteBack(): UseMutationResult<void, Error, InviteBackInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteBack,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: familyMemberKeys.all }),
  });
}
