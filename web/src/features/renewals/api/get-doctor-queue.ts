import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { renewalsQueryKey, renewalSummarySchema } from './schemas';

export const doctorQueueSchema = z.object({
  waiting: z.array(renewalSummarySchema),
  recentlyDecided: z.array(renewalSummarySchema),
});
export type DoctorQueue = z.infer<typeof doctorQueueSchema>;

/** Requests waiting for the signed-in doctor (their patients first) and what they decided recently. */
export function getDoctorQueue(): Promise<DoctorQueue> {
  return apiJson('/api/doctor/renewals', doctorQueueSchema);
}

export const doctorQueueQueryKey = [...renewalsQueryKey, 'doctor'] as const;

export function useDoctorQueue(): UseQueryResult<DoctorQueue> {
  // Note: other people change this list (patients submit, colleagues decide): fetched afresh whenever it is opened.
  return useQuery({ queryKey: doctorQueueQueryKey, queryFn: getDoctorQueue, staleTime: 0 });
}
