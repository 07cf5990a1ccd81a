import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { familyMemberKeys } from './query-keys';

export interface ShareInput {
  accessId: string;
  messages: boolean;
  results: boolean;
}

/** A 14–17-year-old lets a guardian see their messages with doctors and/or sensitive results (or stops). */
export function shareWithGuardian({ accessId, ...shares }: ShareInput): Promise<void> {
  return apiSend(`/api/family/proxies/${encodeURIComponent(accessId)}/share`, { method: 'POST', body: shares });
}

export function useShareWithGuardian(): UseMutationResult<void, Error, ShareInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: shareWithGuardian,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: familyMemberKeys.proxies() }),
  });
}
