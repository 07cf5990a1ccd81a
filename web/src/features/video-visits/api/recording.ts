import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch, apiJson } from '@/lib/api-client';
import { visitQueryKey } from './schemas';

/** Recording runs now, ran for part of the visit, never ran, or cannot run (browser-to-browser video). */
export const recordingStateSchema = z.enum(['NotRecorded', 'Recording', 'Recorded', 'Unavailable']);

export const recordingStatusSchema = z.object({
  visitId: z.string(),
  state: recordingStateSchema,
  /** Roles in the call who have not consented (why it is not recorded). */
  notConsentedBy: z.array(z.string()),
  /** False when the media path cannot record at all. */
  available: z.boolean(),
  /** This person's answer; null: not asked yet. */
  myConsent: z.boolean().nullish(),
});
export type RecordingStatus = z.infer<typeof recordingStatusSchema>;

export const recordingQueryKey = (visitId: string): readonly unknown[] => [...visitQueryKey(visitId), 'recording'];

export function getRecordingStatus(visitId: string): Promise<RecordingStatus> {
  return apiJson(`/api/video-visits/${encodeURIComponent(visitId)}/recording`, recordingStatusSchema);
}

export function useRecordingStatus(visitId: string, options: { enabled?: boolean } = {}): UseQueryResult<RecordingStatus> {
  return useQuery({ queryKey: recordingQueryKey(visitId), queryFn: () => getRecordingStatus(visitId), enabled: options.enabled ?? true });
}

/** "May this visit be recorded?": this person's own answer. */
export function answerRecordingConsent(visitId: string, consent: boolean): Promise<RecordingStatus> {
  return apiJson(`/api/video-visits/${encodeURIComponent(visitId)}/recording-consent`, recordingStatusSchema, { method: 'POST', body: { consent } });
}

export function useAnswerRecordingConsent(visitId: string): UseMutationResult<RecordingStatus, Error, boolean> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (consent) => answerRecordingConsent(visitId, consent),
    onSuccess: (status) => queryClient.setQueryData(recordingQueryKey(visitId), status),
  });
}

export const visitRecordingSchema = z.object({
  id: z.string(),
  role: z.string().nullish(),
  recordedAt: z.string(),
  durationSeconds: z.number(),
  contentType: z.string(),
  size: z.number(),
});
export type VisitRecording = z.infer<typeof visitRecordingSchema>;

export const visitRecordingsSchema = z.object({
  status: recordingStatusSchema,
  /** Recorded, and the playable files are still being made. */
  processing: z.boolean(),
  recordings: z.array(visitRecordingSchema),
});
export type VisitRecordings = z.infer<typeof visitRecordingsSchema>;

/** The visit's recordings, for the treating doctor, medical records and the patient (403/404 for anyone else). */
export function listVisitRecordings(visitId: string): Promise<VisitRecordings> {
  return apiJson(`/api/video-visits/${encodeURIComponent(visitId)}/recordings`, visitRecordingsSchema);
}

export function useVisitRecordings(visitId: string, options: { enabled?: boolean } = {}): UseQueryResult<VisitRecordings> {
  return useQuery({ queryKey: [...recordingQueryKey(visitId), 'list'], queryFn: () => listVisitRecordings(visitId), enabled: options.enabled ?? true });
}

/**
 * One recording as a blob for the player (a bearer token cannot ride on <video src>); each fetch is a play the server
 * audit-logs.
 */
export async function fetchRecording(visitId: string, recordingId: string): Promise<Blob> {
  const response = await apiFetch(`/api/video-visits/${encodeURIComponent(visitId)}/recordings/${encodeURIComponent(recordingId)}`);
  return response.blob();
}

export const recordingSearchItemSchema = z.object({
  id: z.string(),
  visitId: z.string(),
  purpose: z.string(),
  role: z.string().nullish(),
  recordedAt: z.string(),
  durationSeconds: z.number(),
  size: z.number(),
  doctorName: z.string(),
  patientName: z.string(),
});
export type RecordingSearchItem = z.infer<typeof recordingSearchItemSchema>;

export interface RecordingSearch {
  /** Recording days in hospital time (yyyy-MM-dd), both ends included; empty: open. */
  from: string;
  to: string;
  doctor: string;
  patient: string;
}

/** Medical records (病案室): the recordings of visits of their own institutions, newest first; the server audit-logs each search. */
export function searchRecordings(search: RecordingSearch): Promise<RecordingSearchItem[]> {
  const query = new URLSearchParams();
  for (const key of ['from', 'to', 'doctor', 'patient'] as const) {
    const value = search[key].trim();
    if (value !== '') query.set(key, value);
  }
  return apiJson(`/api/medical-records/recordings?${query.toString()}`, z.array(recordingSearchItemSchema));
}

export function useRecordingSearch(search: RecordingSearch): UseQueryResult<RecordingSearchItem[]> {
  return useQuery({ queryKey: ['medical-records', 'recordings', search], queryFn: () => searchRecordings(search) });
}
