import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { renewalsQueryKey, renewalStatusSchema } from './schemas';

export const pharmacistDecisionSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: renewalStatusSchema,
  feeDue: z.number(),
  awaitsPayment: z.boolean(),
  readyToDispense: z.boolean(),
});
export type PharmacistDecision = z.infer<typeof pharmacistDecisionSchema>;

export type ReviewInput = { outcome: 'approve'; justification?: string } | { outcome: 'reject'; reason: string };

/** The pharmacist approves (a severe finding needs a justification) or sends the prescription back to the doctor. */
export function reviewPrescription(renewalId: string, input: ReviewInput): Promise<PharmacistDecision> {
  const body = input.outcome === 'approve' ? { justification: input.justification } : { reason: input.reason };
  return apiJson(`/api/pharmacy/renewals/${encodeURIComponent(renewalId)}/${input.outcome}`, pharmacistDecisionSchema, { method: 'POST', body });
}

export function useReviewPrescription(renewalId: string): UseMutationResult<PharmacistDecision, Error, ReviewInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input) => reviewPrescription(renewalId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: renewalsQueryKey }),
  });
}
