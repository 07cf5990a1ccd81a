import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const icd10EntrySchema = z.object({ code: z.string(), titleZh: z.string(), titleEn: z.string() });
export type Icd10Entry = z.infer<typeof icd10EntrySchema>;

/** The bundled ICD-10 list, searched by code or words in either language. */
export function searchIcd10(query: string): Promise<Icd10Entry[]> {
  return apiJson(`/api/video-visits/icd10?${new URLSearchParams({ q: query }).toString()}`, z.array(icd10EntrySchema));
}

export function useIcd10Search(query: string): UseQueryResult<Icd10Entry[]> {
  const trimmed = query.trim();
  return useQuery({
    queryKey: ['icd10', trimmed],
    queryFn: () => searchIcd10(trimmed),
    enabled: trimmed.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}
