import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiSend } from '@/lib/api-client';
import { twoFactorQueryKey } from './get-two-factor';
import { twoFactorCodeSchema } from './login-two-factor';

export const disableTwoFactorSchema = z
  .object({ password: z.string().min(1, 'accounts:validation.passwordRequired') })
  .and(twoFactorCodeSchema);
export type DisableTwoFactorInput = z.input<typeof disableTwoFactorSchema>;

/** Turns two-factor sign-in off; needs the password and a current code (400 reauthentication_failed, 403 locked_out). */
export function disableTwoFactor(input: DisableTwoFactorInput): Promise<void> {
  return apiSend('/api/account/two-factor/disable', { method: 'POST', body: disableTwoFactorSchema.parse(input) });
}

export function useDisableTwoFactor(): UseMutationResult<void, Error, DisableTwoFactorInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableTwoFactor,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: twoFactorQueryKey }),
  });
}
