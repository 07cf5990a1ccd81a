import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { attendingSchema, visitStatusSchema } from './schemas';

export const todaysVisitsSchema = z.object({
  visits: z.array(
    z.object({
      visitId: z.string(),
      start: z.string(),
      end: z.string(),
      patientName: z.string(),
      patientAge: z.number(),
      patientSex: z.string(),
      appointmentStatus: z.string(),
      visitStatus: visitStatusSchema.nullish(),
      checkedInAt: z.string().nullish(),
      waitingMinutes: z.number().nullish(),
      attending: attendingSchema,
    }),
  ),
  consultations: z.array(z.object({ visitId: z.string(), invitedBy: z.string(), invitedAt: z.string(), status: visitStatusSchema })),
});
export type TodaysVisits = z.infer<typeof todaysVisitsSchema>;

export const todaysVisitsQueryKey = ['video-visits', 'today'] as const;

/** The doctor's video visits today, who is waiting and for how long, and consultations they are invited to. */
export function listTodaysVisits(): Promise<TodaysVisits> {
  return apiJson('/api/video-visits/today', todaysVisitsSchema);
}

export function useTodaysVisits(): UseQueryResult<TodaysVisits> {
  // Note: other people change this list (patients submit, colleagues decide): fetched afresh whenever it is opened.
  return useQuery({ queryKey: todaysVisitsQueryKey, queryFn: listTodaysVisits, refetchInterval: 30_000, staleTime: 0 });
}
