import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { specialistSchema, type Specialist } from './schemas';

/** Doctors to invite into a visit, by name or department. */
export function findSpecialists(query: string): Promise<Specialist[]> {
  return apiJson(`/api/video-visits/specialists?${new URLSearchParams({ q: query }).toString()}`, z.array(specialistSchema));
}

export function useSpecialistSearch(query: string): UseQueryResult<Specialist[]> {
  const trimmed = query.trim();
  return useQuery({ queryKey: ['specialists', trimmed], queryFn: () => findSpecialists(trimmed), enabled: trimmed.length > 0, placeholderData: keepPreviousData });
}
