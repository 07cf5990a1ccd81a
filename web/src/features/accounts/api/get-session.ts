import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const sessionSchema = z.object({ authenticated: z.boolean() });
export type Session = z.infer<typeof sessionSchema>;

/** Whether the browser still has a server-side sign-in cookie (no token needed). */
export function getSession(): Promise<Session> {
  return apiJson('/api/account/session', sessionSchema, { auth: false });
}

export const sessionQueryOptions = queryOptions({ queryKey: ['account', 'session'], queryFn: getSession, staleTime: 0 });

export function useSession(): UseQueryResult<Session> {
  return useQuery(sessionQueryOptions);
}
