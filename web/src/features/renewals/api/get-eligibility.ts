import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { renewabilitySchema, renewalsQueryKey, type Renewability } from './schemas';

/** Whether a medicine can be renewed online with this days supply, and every reason it cannot. */
export function getEligibility(patientId: string, drugId: string, daysSupply: number): Promise<Renewability> {
  const query = new URLSearchParams({ daysSupply: String(daysSupply) });
  return apiJson(
    `/api/patients/${encodeURIComponent(patientId)}/renewal-eligibility/${encodeURIComponent(drugId)}?${query.toString()}`,
    renewabilitySchema,
  );
}

export function useEligibility(patientId: string | undefined, drugId: string, daysSupply: number): UseQueryResult<Renewability> {
  return useQuery({
    queryKey: [...renewalsQueryKey, 'eligibility', patientId, drugId, daysSupply],
    queryFn: () => getEligibility(patientId ?? '', drugId, daysSupply),
    enabled: Boolean(patientId) && Number.isInteger(daysSupply) && daysSupply > 0,
    staleTime: 0,
  });
}
