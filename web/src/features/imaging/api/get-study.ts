import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { imagingQueryKey, studyPath, type ImagingSide } from '../lib/paths';
import { studyDetailSchema, type StudyDetail } from './schemas';

/** One study with its series and their instances, in order (series number, then instance number). */
export function getStudy(side: ImagingSide, patientId: string, studyUid: string): Promise<StudyDetail> {
  return apiJson(studyPath(side, patientId, studyUid), studyDetailSchema).then(ordered);
}

function byNumber<T extends { number: number | null }>(a: T, b: T): number {
  return (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER);
}

function ordered(study: StudyDetail): StudyDetail {
  return {
    ...study,
    series: [...study.series].sort(byNumber).map((series) => ({ ...series, instances: [...series.instances].sort(byNumber) })),
  };
}

export function useStudy(side: ImagingSide, patientId: string | undefined, studyUid: string): UseQueryResult<StudyDetail> {
  return useQuery({
    queryKey: [...imagingQueryKey, side, patientId, 'study', studyUid],
    queryFn: () => getStudy(side, patientId!, studyUid),
    enabled: Boolean(patientId) && studyUid !== '',
  });
}
