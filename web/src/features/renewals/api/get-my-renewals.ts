import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { renewalsQueryKey, renewalSummarySchema, type RenewalSummary } from './schemas';

/** The patient's renewal requests, newest first. */
export function getMyRenewals(patientId: string): Promise<RenewalSummary[]> {
  return apiJson(`/api/patients/${encodeURIComponent(patientId)}/renewals`, z.array(renewalSummarySchema));
}

export function useMyRenewals(patientId: string | undefined): UseQueryResult<RenewalSummary[]> {
  return useQuery({
    queryKey: [...renewalsQueryKey, 'mine', patientId],
    queryFn: () => getMyRenewals(patientId ?? ''),
    enabled: Boolean(patientId),
  });
}
