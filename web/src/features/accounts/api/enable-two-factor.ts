import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { twoFactorQueryKey } from './get-two-factor';
import { twoFactorCodeSchema, type TwoFactorCodeInput } from './login-two-factor';

/** Confirms enrolment with a code from the authenticator app. 400 when the code is wrong. */
export function enableTwoFactor(input: TwoFactorCodeInput): Promise<void> {
  return apiSend('/api/account/two-factor/enable', { method: 'POST', body: twoFactorCodeSchema.parse(input) });
}

export function useEnableTwoFactor(): UseMutationResult<void, Error, TwoFactorCodeInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enableTwoFactor,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: twoFactorQueryKey }),
  });
}
