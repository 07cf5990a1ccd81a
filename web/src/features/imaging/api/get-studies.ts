import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { imagingBase, imagingQueryKey, type ImagingSide } from '../lib/paths';
import { studySummarySchema, type StudySummary } from './schemas';

/** The patient's studies: the hospital's PACS by their hospital id and the outside studies shared for them. */
export function getStudies(side: ImagingSide, patientId: string): Promise<StudySummary[]> {
  return apiJson(`${imagingBase(side, patientId)}/studies`, z.array(studySummarySchema));
}

/** Newest first; a study without a date (some outside studies) goes last. */
export function newestFirst(studies: readonly StudySummary[]): StudySummary[] {
  return [...studies].sort((a, b) => (b.studyDate ?? '').localeCompare(a.studyDate ?? ''));
}

export function useStudies(side: ImagingSide, patientId: string | undefined): UseQueryResult<StudySummary[]> {
  return useQuery({
    queryKey: [...imagingQueryKey, side, patientId, 'studies'],
    queryFn: async () => newestFirst(await getStudies(side, patientId!)),
    enabled: Boolean(patientId),
  });
}
