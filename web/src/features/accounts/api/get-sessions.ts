import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const accountSessionSchema = z.object({
  id: z.string(),
  signedInAt: z.string(),
  lastActiveAt: z.string(),
  address: z.string().nullable(),
  browser: z.string().nullable(),
  os: z.string().nullable(),
  current: z.boolean(),
});
export type AccountSession = z.infer<typeof accountSessionSchema>;

/** Where this account is signed in (this device first). 403 locked_out while the account is locked. */
export function getSessions(): Promise<AccountSession[]> {
  return apiJson('/api/account/sessions', z.array(accountSessionSchema));
}

export const sessionsQueryKey = ['account', 'sessions'] as const;

export function useSessions(): UseQueryResult<AccountSession[]> {
  return useQuery(queryOptions({ queryKey: sessionsQueryKey, queryFn: getSessions, staleTime: 0 }));
}
