import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { patientRenewalSchema, type PatientRenewal } from './get-my-renewal';
import { fulfilmentSchema, renewalsQueryKey } from './schemas';

export const renewalInputSchema = z
  .object({
    items: z
      .array(z.object({ drugId: z.string(), daysSupply: z.number().int('renewals:validation.days').min(1, 'renewals:validation.days') }))
      .min(1, 'renewals:validation.items'),
    fulfilment: fulfilmentSchema,
    deliveryAddress: z.string().trim().max(300).optional(),
    newSymptoms: z.boolean(),
    sideEffects: z.boolean(),
    hospitalStay: z.boolean(),
    pregnancy: z.boolean(),
    details: z.string().trim().max(1000).optional(),
    /** For a child under 6: the guardian confirms they are present (domain rule 4; else 422 guardian_presence_required). */
    guardianPresent: z.boolean().optional(),
  })
  .refine((input) => input.fulfilment !== 'Delivery' || Boolean(input.deliveryAddress), {
    path: ['deliveryAddress'],
    message: 'renewals:validation.address',
  });
export type RenewalInput = z.infer<typeof renewalInputSchema>;

/** Asks for medicines to be renewed; the server checks every rule again (422 with the reason's code). */
export function submitRenewal(patientId: string, input: RenewalInput): Promise<PatientRenewal> {
  return apiJson(`/api/patients/${encodeURIComponent(patientId)}/renewals`, patientRenewalSchema, {
    method: 'POST',
    body: renewalInputSchema.parse(input),
  });
}

export function useSubmitRenewal(patientId: string | undefined): UseMutationResult<PatientRenewal, Error, RenewalInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input) => submitRenewal(patientId ?? '', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: renewalsQueryKey }),
  });
}
