import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { familyMemberKeys } from './query-keys';
import { proxySchema, type Proxy } from './schemas';

/** Who acts for me: the accounts with access to my record, what they may do and until when. */
export function getProxies(): Promise<Proxy[]> {
  return apiJson('/api/family/proxies', z.array(proxySchema));
}

export function useProxies(): UseQueryResult<Proxy[]> {
  return useQuery({ queryKey: familyMemberKeys.proxies(), queryFn: getProxies });
}
