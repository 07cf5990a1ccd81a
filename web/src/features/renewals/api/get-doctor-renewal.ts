import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import {
  allergySchema,
  answersSchema,
  eventSchema,
  fulfilmentSchema,
  medicationSchema,
  patientBriefSchema,
  prescriptionSchema,
  renewalAttendingSchema,
  renewalItemSchema,
  renewalsQueryKey,
  renewalStatusSchema,
  reviewSchema,
} from './schemas';

const nullableString = z.string().nullish().transform((v) => v ?? null);

export const limitsSchema = z.object({
  maxDaysSupply: z.number(),
  minDailyDose: z.number(),
  maxDailyDose: z.number(),
  doseUnit: z.string(),
  strengthValue: z.number(),
  form: z.string(),
  formEn: z.string(),
});
export type DrugLimits = z.infer<typeof limitsSchema>;

export const doctorRenewalSchema = z.object({
  id: z.string(),
  reference: z.string(),
  patient: patientBriefSchema,
  attending: renewalAttendingSchema,
  status: renewalStatusSchema,
  submittedAt: z.string(),
  fulfilment: fulfilmentSchema,
  answers: answersSchema,
  flags: z.array(z.string()),
  routedBecause: nullableString,
  canDecide: z.boolean(),
  items: z.array(z.object({ item: renewalItemSchema, limits: limitsSchema })),
  prescriptions: z.array(prescriptionSchema),
  pharmacistReason: nullableString,
  reviews: z.array(reviewSchema),
  doctorReason: nullableString,
  medications: z.array(medicationSchema),
  diagnoses: z.array(
    z.object({ icd10Code: z.string(), description: z.string(), diagnosedOn: z.string(), inPerson: z.boolean(), practitioner: nullableString }),
  ),
  allergies: z.array(allergySchema),
  hisAsOf: nullableString,
  hisStale: z.boolean(),
  history: z.array(eventSchema),
});
export type DoctorRenewal = z.infer<typeof doctorRenewalSchema>;

/** A request with what the doctor needs to decide: history, answers, flags, the catalogue's limits. */
export function getDoctorRenewal(renewalId: string): Promise<DoctorRenewal> {
  return apiJson(`/api/doctor/renewals/${encodeURIComponent(renewalId)}`, doctorRenewalSchema);
}

export function useDoctorRenewal(renewalId: string): UseQueryResult<DoctorRenewal> {
  return useQuery({ queryKey: [...renewalsQueryKey, 'doctor', renewalId], queryFn: () => getDoctorRenewal(renewalId) });
}
