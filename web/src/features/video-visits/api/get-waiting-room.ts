import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { doctorSummarySchema, visitQueryKey, visitStatusSchema } from './schemas';

export const waitingRoomSchema = z.object({
  appointmentId: z.string(),
  start: z.string(),
  end: z.string(),
  appointmentStatus: z.string(),
  doctor: doctorSummarySchema,
  checkInOpensAt: z.string(),
  canCheckIn: z.boolean(),
  visitStatus: visitStatusSchema.nullish(),
  checkedInAt: z.string().nullish(),
  doctorStatus: z.enum(['NotStarted', 'Ready', 'InAnotherVisit']),
  queuePosition: z.number().nullish(),
  /** Patients checked in before this one for the same doctor and session (0 = next). */
  patientsAhead: z.number().nullish(),
  minutesLate: z.number().nullish(),
});
export type WaitingRoom = z.infer<typeof waitingRoomSchema>;

export const waitingRoomQueryKey = (visitId: string): readonly unknown[] => [...visitQueryKey(visitId), 'waiting-room'];

/** The patient's waiting room: check-in time, the doctor's status, the place in the queue (refreshed while open). */
export function getWaitingRoom(visitId: string): Promise<WaitingRoom> {
  return apiJson(`/api/video-visits/${encodeURIComponent(visitId)}/waiting-room`, waitingRoomSchema);
}

export function useWaitingRoom(visitId: string): UseQueryResult<WaitingRoom> {
  return useQuery({ queryKey: waitingRoomQueryKey(visitId), queryFn: () => getWaitingRoom(visitId), refetchInterval: 15_000 });
}
