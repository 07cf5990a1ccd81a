import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { familyMemberKeys } from './query-keys';

/** Ends another account's access to my record at once (audit-logged). */
export function revokeProxy(accessId: string): Promise<void> {
  return apiSend(`/api/family/proxies/${encodeURIComponent(accessId)}`, { method: 'DELETE' });
}

export function useRevokeProxy(): UseMutationResult<void, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeProxy,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: familyMemberKeys.proxies() }),
  });
}
