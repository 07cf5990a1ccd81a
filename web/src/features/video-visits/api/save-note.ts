import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { noteSchema, visitQueryKey, type Diagnosis, type VisitNote } from './schemas';

export interface NoteDraft {
  chiefComplaint: string;
  history: string;
  assessment: string;
  plan: string;
  diagnoses: Diagnosis[];
  followUpAdvice: string;
}

/** Saves the visit note (the visit's doctor, while the visit is open). */
export function saveNote(visitId: string, draft: NoteDraft): Promise<VisitNote> {
  return apiJson(`/api/video-visits/${encodeURIComponent(visitId)}/note`, noteSchema, { method: 'PUT', body: draft });
}

export function useSaveNote(visitId: string): UseMutationResult<VisitNote, Error, NoteDraft> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft) => saveNote(visitId, draft),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...visitQueryKey(visitId), 'detail'] }),
  });
}
