import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { signInResultSchema, type SignInResult } from './login';

/** A mainland number (11 digits from 1) or +country and number; the server checks again. */
export const mobileSchema = z
  .string()
  .transform((value) => value.replace(/[\s-]/g, ''))
  .pipe(z.string().min(1, 'accounts:validation.mobileRequired').regex(/^(1[3-9]\d{9}|\+\d{7,15})$/, 'accounts:validation.mobileFormat'));

export const smsCodeSchema = z
  .string()
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'accounts:validation.codeFormat'));

export const smsLoginSchema = z.object({ mobile: mobileSchema, code: smsCodeSchema });
export type SmsLoginInput = z.input<typeof smsLoginSchema>;

const codeSentSchema = z.object({ accepted: z.boolean(), expiresInSeconds: z.number() });
export type CodeSent = z.infer<typeof codeSentSchema>;

export type CodePurpose = 'signIn' | 'registration';

/**
 * Asks for a one-time code by SMS. The answer is the same whether or not the number has an account (202);
 * 429 after 5 codes an hour for one number or one address.
 */
export function sendSmsCode(purpose: CodePurpose, mobile: string, language: string): Promise<CodeSent> {
  const path = purpose === 'signIn' ? '/api/account/login/mobile-code' : '/api/account/register/mobile-code';
  return apiJson(path, codeSentSchema, { method: 'POST', body: { mobile: mobileSchema.parse(mobile), language }, auth: false });
}

export function useSendSmsCode(purpose: CodePurpose): UseMutationResult<CodeSent, Error, { mobile: string; language: string }> {
  return useMutation({ mutationFn: ({ mobile, language }) => sendSmsCode(purpose, mobile, language) });
}

/** Signs in with the number and its code; sets the same session cookie as a password. 401 invalid_sms_code, 403 locked_out. */
export function loginWithSmsCode(input: SmsLoginInput): Promise<SignInResult> {
  const body = smsLoginSchema.parse(input);
  return apiJson('/api/account/login/mobile', signInResultSchema, { method: 'POST', body, auth: false });
}

export function useLoginWithSmsCode(): UseMutationResult<SignInResult, Error, SmsLoginInput> {
  return useMutation({ mutationFn: loginWithSmsCode });
}
