import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import {
  answersSchema,
  deliverySchema,
  eventSchema,
  fulfilmentSchema,
  prescriptionSchema,
  renewalItemSchema,
  renewalsQueryKey,
  renewalStatusSchema,
} from './schemas';

const nullableString = z.string().nullish().transform((v) => v ?? null);

export const patientRenewalSchema = z.object({
  id: z.string(),
  reference: z.string(),
  patientId: z.string(),
  status: renewalStatusSchema,
  submittedAt: z.string(),
  updatedAt: z.string(),
  fulfilment: fulfilmentSchema,
  answers: answersSchema,
  flags: z.array(z.string()),
  items: z.array(renewalItemSchema),
  prescription: prescriptionSchema.nullish().transform((v) => v ?? null),
  doctorReason: nullableString,
  visitDoctorId: nullableString,
  feeDue: z.number(),
  currency: z.string(),
  paymentId: nullableString,
  paidAt: nullableString,
  awaitsPayment: z.boolean(),
  canCancel: z.boolean(),
  readyToCollect: z.boolean(),
  pickupCode: nullableString,
  delivery: deliverySchema.nullish().transform((v) => v ?? null),
  history: z.array(eventSchema),
});
export type PatientRenewal = z.infer<typeof patientRenewalSchema>;

/** One of the patient's requests: its steps, the approved prescription, the pickup code or the delivery. */
export function getMyRenewal(patientId: string, renewalId: string): Promise<PatientRenewal> {
  return apiJson(`/api/patients/${encodeURIComponent(patientId)}/renewals/${encodeURIComponent(renewalId)}`, patientRenewalSchema);
}

export function useMyRenewal(patientId: string | undefined, renewalId: string): UseQueryResult<PatientRenewal> {
  return useQuery({
    queryKey: [...renewalsQueryKey, 'mine', patientId, renewalId],
    queryFn: () => getMyRenewal(patientId ?? '', renewalId),
    enabled: Boolean(patientId),
  });
}
