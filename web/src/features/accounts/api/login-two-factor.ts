import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { signInResultSchema, type SignInResult } from './login';

export const twoFactorCodeSchema = z.object({
  code: z
    .string()
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'accounts:validation.codeFormat')),
});
export type TwoFactorCodeInput = z.input<typeof twoFactorCodeSchema>;

/** Second step of a staff sign-in: the authenticator app's code. 401 invalid_code. */
export function loginTwoFactor(input: TwoFactorCodeInput): Promise<SignInResult> {
  const body = twoFactorCodeSchema.parse(input);
  return apiJson('/api/account/login/two-factor', signInResultSchema, { method: 'POST', body, auth: false });
}

export function useLoginTwoFactor(): UseMutationResult<SignInResult, Error, TwoFactorCodeInput> {
  return useMutation({ mutationFn: loginTwoFactor });
}
