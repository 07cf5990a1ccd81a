import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { scheduleKeys } from './get-calendar';

export const reviewSchema = z.looseObject({
  id: z.string(),
  patientName: z.string(),
  start: z.string(),
  timeZone: z.string(),
  visitType: z.string(),
  holdExpiresAt: z.string().nullable(),
  hasProof: z.boolean(),
});
export type FollowUpReview = z.infer<typeof reviewSchema>;

export function listFollowUpReviews(): Promise<FollowUpReview[]> {
  return apiJson('/api/doctors/me/follow-up-reviews', z.array(reviewSchema));
}

export function useFollowUpReviews(): UseQueryResult<FollowUpReview[]> {
  // Note: other people change this list (patients submit, colleagues decide): fetched afresh whenever it is opened.
  return useQuery({ queryKey: [...scheduleKeys.all, 'reviews'], queryFn: listFollowUpReviews, staleTime: 0 });
}
