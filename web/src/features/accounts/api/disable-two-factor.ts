import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { twoFactorQueryKey } from './get-two-factor';

export function disableTwoFactor(): Promise<void> {
  return apiSend('/api/account/two-factor/disable', { method: 'POST' });
}

export function useDisableTwoFactor(): UseMutationResult<void, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableTwoFactor,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: twoFactorQueryKey }),
  });
}
