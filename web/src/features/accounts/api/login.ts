import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const loginInputSchema = z.object({
  email: z.string().trim().min(1, 'accounts:validation.emailRequired'),
  password: z.string().min(1, 'accounts:validation.passwordRequired'),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const signInResultSchema = z.object({ status: z.enum(['signedIn', 'twoFactorRequired']) });
export type SignInResult = z.infer<typeof signInResultSchema>;

/** Password sign-in; sets the server's sign-in cookie. 401 invalid_credentials, 403 locked_out, 429 rate limited. */
export function login(input: LoginInput): Promise<SignInResult> {
  return apiJson('/api/account/login', signInResultSchema, { method: 'POST', body: input, auth: false });
}

export function useLogin(): UseMutationResult<SignInResult, Error, LoginInput> {
  return useMutation({ mutationFn: login });
}
