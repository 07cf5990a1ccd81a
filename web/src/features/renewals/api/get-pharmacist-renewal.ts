import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import {
  allergySchema,
  answersSchema,
  deliverySchema,
  eventSchema,
  findingSchema,
  fulfilmentSchema,
  medicationSchema,
  patientBriefSchema,
  prescriptionSchema,
  renewalAttendingSchema,
  renewalsQueryKey,
  renewalStatusSchema,
  reviewSchema,
} from './schemas';

export const pharmacistRenewalSchema = z.object({
  id: z.string(),
  reference: z.string(),
  patient: patientBriefSchema,
  attending: renewalAttendingSchema,
  status: renewalStatusSchema,
  submittedAt: z.string(),
  fulfilment: fulfilmentSchema,
  delivery: deliverySchema.nullish().transform((v) => v ?? null),
  answers: answersSchema,
  flags: z.array(z.string()),
  prescription: prescriptionSchema,
  findings: z.array(findingSchema),
  needsJustification: z.boolean(),
  allergies: z.array(allergySchema),
  otherMedications: z.array(medicationSchema),
  reviews: z.array(reviewSchema),
  feeDue: z.number(),
  currency: z.string(),
  awaitsPayment: z.boolean(),
  readyToDispense: z.boolean(),
  history: z.array(eventSchema),
});
export type PharmacistRenewal = z.infer<typeof pharmacistRenewalSchema>;

/** A signed prescription with the automated checks, as the pharmacist reviews and dispenses it. */
export function getPharmacistRenewal(renewalId: string): Promise<PharmacistRenewal> {
  return apiJson(`/api/pharmacy/renewals/${encodeURIComponent(renewalId)}`, pharmacistRenewalSchema);
}

export function usePharmacistRenewal(renewalId: string): UseQueryResult<PharmacistRenewal> {
  return useQuery({ queryKey: [...renewalsQueryKey, 'pharmacy', renewalId], queryFn: () => getPharmacistRenewal(renewalId) });
}
