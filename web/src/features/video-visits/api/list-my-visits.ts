import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { doctorSummarySchema, visitStatusSchema } from './schemas';

export const myVisitsSchema = z.array(
  z.object({
    visitId: z.string(),
    start: z.string(),
    end: z.string(),
    doctor: doctorSummarySchema,
    appointmentStatus: z.string(),
    visitStatus: visitStatusSchema.nullish(),
    /** Whose visit it is: the list spans every person the account acts for. */
    patientId: z.string().nullish(),
    patientName: z.string().nullish(),
  }),
);
export type MyVisits = z.infer<typeof myVisitsSchema>;

/** The patient's video visits from yesterday to two weeks ahead. */
export function listMyVisits(): Promise<MyVisits> {
  return apiJson('/api/video-visits/mine', myVisitsSchema);
}

export function useMyVisits(): UseQueryResult<MyVisits> {
  return useQuery({ queryKey: ['video-visits', 'mine'], queryFn: listMyVisits, refetchInterval: 60_000 });
}
