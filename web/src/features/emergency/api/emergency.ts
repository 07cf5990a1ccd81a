import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch, apiJson } from '@/lib/api-client';
import { downloadFromApi } from '@/lib/download';
import {
  boardCaseSchema,
  destinationSchema,
  emergencyCaseSchema,
  etaSchema,
  patientMatchSchema,
  qualitySchema,
  teamAlertSchema,
  type BoardCase,
  type Destination,
  type EmergencyCase,
  type Eta,
  type PatientMatch,
  type Quality,
  type TeamAlert,
} from './schemas';

const base = '/api/emergency';
export const emergencyKey = ['emergency'] as const;
export const caseKey = (id: string) => [...emergencyKey, 'case', id] as const;
export const crewCasesKey = [...emergencyKey, 'crew-cases'] as const;
export const boardKey = (status: string) => [...emergencyKey, 'board', status] as const;
export const alertsKey = [...emergencyKey, 'alerts'] as const;

export function useDestinations(): UseQueryResult<Destination[]> {
  return useQuery({
    queryKey: [...emergencyKey, 'destinations'],
    queryFn: () => apiJson(`${base}/destinations`, z.array(destinationSchema)),
    staleTime: 10 * 60_000,
  });
}

export function useCrewCases(): UseQueryResult<BoardCase[]> {
  return useQuery({ queryKey: crewCasesKey, queryFn: () => apiJson(`${base}/crew/cases`, z.array(boardCaseSchema)) });
}

export function useBoard(status: 'Open' | 'HandedOver'): UseQueryResult<BoardCase[]> {
  return useQuery({
    queryKey: boardKey(status),
    queryFn: () => apiJson(`${base}/department/cases?status=${status}`, z.array(boardCaseSchema)),
  });
}

export function useEmergencyCase(id: string | undefined, enabled = true): UseQueryResult<EmergencyCase> {
  return useQuery({
    queryKey: caseKey(id ?? ''),
    queryFn: () => apiJson(`${base}/cases/${encodeURIComponent(id ?? '')}`, emergencyCaseSchema),
    enabled: Boolean(id) && enabled,
    retry: false,
  });
}

export function useTeamAlerts(): UseQueryResult<TeamAlert[]> {
  return useQuery({ queryKey: alertsKey, queryFn: () => apiJson(`${base}/alerts`, z.array(teamAlertSchema)) });
}

export function useAckAlert(): UseMutationResult<TeamAlert, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (alertId) => apiJson(`${base}/alerts/${encodeURIComponent(alertId)}/ack`, teamAlertSchema, { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: emergencyKey }),
  });
}

/** The department's writes: online only (the board is on the hospital's network), answered at once. */
export function useDepartmentAction(caseId: string): UseMutationResult<unknown, Error, { action: 'accept' | 'messages' | 'timeline' | 'activation' | 'merge'; body: object }> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ action, body }) => {
      const response = await apiFetch(`${base}/department/cases/${encodeURIComponent(caseId)}/${action}`, { method: 'POST', body });
      return response.status === 204 ? null : ((await response.json()) as unknown);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: emergencyKey }),
  });
}

export function useQuality(from: string, to: string): UseQueryResult<Quality> {
  return useQuery({
    queryKey: [...emergencyKey, 'quality', from, to],
    queryFn: () => apiJson(`${base}/department/quality?from=${from}&to=${to}`, qualitySchema),
    enabled: Boolean(from && to),
  });
}

export function downloadQualityCsv(from: string, to: string): Promise<void> {
  return downloadFromApi(`${base}/department/quality.csv?from=${from}&to=${to}`, `emergency-quality-${from}-${to}.csv`);
}

export function searchPatients(idNumber: string): Promise<PatientMatch[]> {
  return apiJson(`${base}/patients?idNumber=${encodeURIComponent(idNumber)}`, z.array(patientMatchSchema));
}

/** The crew's position (not queued: only the latest one matters, an old one is worth nothing once the signal is back). */
export function sendPosition(caseId: string, position: { latitude: number; longitude: number; recordedAt: string }): Promise<Eta | null> {
  return apiJson(`${base}/crew/cases/${encodeURIComponent(caseId)}/position`, etaSchema.nullable(), { method: 'POST', body: position });
}

export function attachmentUrl(caseId: string, attachmentId: string): string {
  return `${base}/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

/** An attachment as an object URL (images need the bearer token, which an <img src> cannot carry). */
export async function fetchAttachment(caseId: string, attachmentId: string): Promise<string> {
  const response = await apiFetch(attachmentUrl(caseId, attachmentId));
  return URL.createObjectURL(await response.blob());
}

const videoCallSchema = z.object({ roomId: z.string(), on: z.boolean() });

/** The department calls the crew by video: the case's room opens (its id is the case's) and the crew's phones ring. */
export function startVideoCall(caseId: string): Promise<z.infer<typeof videoCallSchema>> {
  return apiJson(`${base}/department/cases/${encodeURIComponent(caseId)}/video-call`, videoCallSchema, { method: 'POST', body: {} });
}

/** Either side hangs up (the room stays for the next call until the handover). */
export function endVideoCall(caseId: string): Promise<z.infer<typeof videoCallSchema>> {
  return apiJson(`${base}/cases/${encodeURIComponent(caseId)}/video-call`, videoCallSchema, { method: 'DELETE' });
}

/** The crew declines the ringing call (the department sees it was declined). */
export function declineVideoCall(caseId: string): Promise<z.infer<typeof videoCallSchema>> {
  return apiJson(`${base}/crew/cases/${encodeURIComponent(caseId)}/video-call/decline`, videoCallSchema, { method: 'POST', body: {} });
}
