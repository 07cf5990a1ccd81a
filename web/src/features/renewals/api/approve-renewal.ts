import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { prescriptionSchema, renewalsQueryKey, renewalStatusSchema } from './schemas';

export const doctorDecisionSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: renewalStatusSchema,
  prescription: prescriptionSchema.nullish().transform((v) => v ?? null),
});
export type DoctorDecision = z.infer<typeof doctorDecisionSchema>;

export interface ApproveInput {
  lines: { itemId: string; doseAmount: number; frequency: string; daysSupply: number }[];
  note?: string;
}

/** The doctor approves and signs the prescription (with any changes to dose, frequency or days supply). */
export function approveRenewal(renewalId: string, input: ApproveInput): Promise<DoctorDecision> {
  return apiJson(`/api/doctor/renewals/${encodeURIComponent(renewalId)}/approve`, doctorDecisionSchema, { method: 'POST', body: input });
}

export function useApproveRenewal(renewalId: string): UseMutationResult<DoctorDecision, Error, ApproveInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input) => approveRenewal(renewalId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: renewalsQueryKey }),
  });
}
