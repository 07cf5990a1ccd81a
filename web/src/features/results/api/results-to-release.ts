import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson, apiSend } from '@/lib/api-client';
import { resultsQueryKey } from '../lib/query-keys';

export const resultToReleaseSchema = z.object({
  id: z.string(),
  patientId: z.string().nullable(),
  patientName: z.string().nullable(),
  name: z.string(),
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
  issuedAt: z.string(),
  releasesAt: z.string(),
});
export type ResultToRelease = z.infer<typeof resultToReleaseSchema>;

/** Sensitive reports the signed-in doctor ordered that the patient cannot see yet. */
export function getResultsToRelease(): Promise<ResultToRelease[]> {
  return apiJson('/api/doctor/results/to-release', z.array(resultToReleaseSchema));
}

export function useResultsToRelease(): UseQueryResult<ResultToRelease[]> {
  return useQuery({ queryKey: [...resultsQueryKey, 'to-release'], queryFn: getResultsToRelease });
}

/** Releases one to the patient now. 409 result_already_released. */
export function releaseResult(reportId: string): Promise<void> {
  return apiSend(`/api/doctor/results/${encodeURIComponent(reportId)}/release`, { method: 'POST' });
}

export function useReleaseResult(): UseMutationResult<void, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: releaseResult, onSettled: () => queryClient.invalidateQueries({ queryKey: resultsQueryKey }) });
}
