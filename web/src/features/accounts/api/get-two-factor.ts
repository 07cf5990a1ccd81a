import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const twoFactorStatusSchema = z.object({
  enabled: z.boolean(),
  // Only while two-factor sign-in is off (enrolment): the key is never shown again once it is on.
  sharedKey: z.string().nullable(),
  authenticatorUri: z.string().nullable(),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatusSchema>;

/** Whether an authenticator app is enrolled, and (only until it is) the key to enrol one. */
export function getTwoFactor(): Promise<TwoFactorStatus> {
  return apiJson('/api/account/two-factor', twoFactorStatusSchema);
}

export const twoFactorQueryKey = ['account', 'two-factor'] as const;

export const twoFactorQueryOptions = queryOptions({ queryKey: twoFactorQueryKey, queryFn: getTwoFactor, staleTime: 0 });

export function useTwoFactor(): UseQueryResult<TwoFactorStatus> {
  return useQuery(twoFactorQueryOptions);
}
