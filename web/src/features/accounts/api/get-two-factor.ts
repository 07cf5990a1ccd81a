import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const twoFactorStatusSchema = z.object({
  enabled: z.boolean(),
  sharedKey: z.string(),
  authenticatorUri: z.string(),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatusSchema>;

/** Staff only: whether an authenticator app is enrolled, and the key to enrol one. */
export function getTwoFactor(): Promise<TwoFactorStatus> {
  return apiJson('/api/account/two-factor', twoFactorStatusSchema);
}

export const twoFactorQueryKey = ['account', 'two-factor'] as const;

export const twoFactorQueryOptions = queryOptions({ queryKey: twoFactorQueryKey, queryFn: getTwoFactor, staleTime: 0 });

export function useTwoFactor(): UseQueryResult<TwoFactorStatus> {
  return useQuery(twoFactorQueryOptions);
}
