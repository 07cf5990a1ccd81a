import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { hisOutboxQueryKey } from './query-keys';

export const outboxKindsSchema = z.array(z.string());

/** The kinds of message the portal sends to the HIS (for the kind filter). */
export function getOutboxKinds(): Promise<string[]> {
  return apiJson('/api/admin/his/outbox/kinds', outboxKindsSchema);
}

export function useOutboxKinds(): UseQueryResult<string[]> {
  return useQuery({ queryKey: [...hisOutboxQueryKey, 'kinds'], queryFn: getOutboxKinds, staleTime: Infinity });
}
