import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { hisIdentityReviewsQueryKey } from './query-keys';

export const identityReviewStatuses = ['Pending', 'Linked', 'Rejected'] as const;
export const identityReviewStatusSchema = z.enum(identityReviewStatuses);
export type IdentityReviewStatus = z.infer<typeof identityReviewStatusSchema>;

/** A HIS patient the matcher found, as the HIS described them. */
export const identityCandidateSchema = z.object({
  hisPatientId: z.string(),
  medicalRecordNumber: z.string(),
  fullName: z.string(),
  dateOfBirth: z.string(),
  sex: z.string(),
});
export type IdentityCandidate = z.infer<typeof identityCandidateSchema>;

export const identityReviewSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  maskedIdNumber: z.string(),
  dateOfBirth: z.string(),
  sex: z.string(),
  reason: z.enum(['Mismatch', 'MultipleCandidates', 'InboundResult']),
  status: identityReviewStatusSchema,
  createdAt: z.string(),
  candidates: z.array(identityCandidateSchema),
  linkedHisPatientId: z.string().nullish(),
  note: z.string().nullish(),
});
export type IdentityReview = z.infer<typeof identityReviewSchema>;

/** The identity-verification queue (open reviews by default); the server audit-logs what it shows. */
export function getIdentityReviews(status: IdentityReviewStatus): Promise<IdentityReview[]> {
  return apiJson(`/api/admin/his/identity-reviews?status=${status}`, z.array(identityReviewSchema));
}

export function useIdentityReviews(status: IdentityReviewStatus): UseQueryResult<IdentityReview[]> {
  return useQuery({ queryKey: [...hisIdentityReviewsQueryKey, status], queryFn: () => getIdentityReviews(status) });
}
