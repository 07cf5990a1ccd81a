import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { threadsQueryKey } from '../lib/query-keys';
import { threadSummarySchema, type ThreadSummary } from './get-patient-threads';

export interface TeamThreadParams {
  patientId?: string;
  unreadOnly?: boolean;
}

/** The conversations of the signed-in doctor's teams (optionally with one patient), newest activity first. */
export function getTeamThreads({ patientId, unreadOnly = false }: TeamThreadParams = {}): Promise<ThreadSummary[]> {
  const query = new URLSearchParams({ unreadOnly: String(unreadOnly) });
  if (patientId) query.set('patientId', patientId);
  return apiJson(`/api/family/team-threads?${query.toString()}`, z.array(threadSummarySchema));
}

export function useTeamThreads(params: TeamThreadParams = {}): UseQueryResult<ThreadSummary[]> {
  // Note: other people change this list (patients submit, colleagues decide): fetched afresh whenever it is opened.
  return useQuery({ queryKey: [...threadsQueryKey, 'team', params.patientId ?? '', params.unreadOnly ?? false], queryFn: () => getTeamThreads(params), staleTime: 0 });
}
