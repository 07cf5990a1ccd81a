import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { familyMemberKeys } from './query-keys';

export const proxyActivitySchema = z.array(
  z.object({
    at: z.string(),
    accountName: z.string(),
    /** How the proxy is related ("guardian", or the relation they were added with). */
    relation: z.string().nullish(),
    action: z.string(),
    resource: z.string().nullish(),
  }),
);
export type ProxyActivity = z.infer<typeof proxyActivitySchema>;

/** What other accounts did on my record (from the audit log). */
export function getProxyActivity(): Promise<ProxyActivity> {
  return apiJson('/api/family/proxies/activity', proxyActivitySchema);
}

export function useProxyActivity(): UseQueryResult<ProxyActivity> {
  return useQuery({ queryKey: familyMemberKeys.activity(), queryFn: getProxyActivity });
}
