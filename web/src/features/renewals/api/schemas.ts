import { z } from 'zod';

/** Shapes several renewal endpoints share (each endpoint file adds its own top-level schema). */

export const renewalStatusSchema = z.enum([
  'Submitted',
  'DoctorApproved',
  'DoctorRejected',
  'VisitRequired',
  'PharmacistApproved',
  'PharmacistRejected',
  'Paid',
  'Dispensed',
  'PickedUp',
  'Delivered',
  'Cancelled',
]);
export type RenewalStatus = z.infer<typeof renewalStatusSchema>;

export const fulfilmentSchema = z.enum(['Pickup', 'Delivery']);
export type Fulfilment = z.infer<typeof fulfilmentSchema>;

export const deliveryStatusSchema = z.enum(['Shipped', 'InTransit', 'OutForDelivery', 'Delivered']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

const nullableString = z.string().nullish().transform((v) => v ?? null);
const nullableNumber = z.number().nullish().transform((v) => v ?? null);

export const medicationSchema = z.object({
  source: z.enum(['His', 'Portal']),
  code: z.string(),
  drugId: nullableString,
  name: z.string(),
  nameEn: nullableString,
  strength: z.string(),
  dose: z.string(),
  frequency: z.string(),
  route: z.string(),
  prescriber: nullableString,
  startedOn: z.string(),
  lastDispensedOn: nullableString,
  daysSupply: nullableNumber,
  active: z.boolean(),
  atcCode: nullableString,
  specialControl: z.boolean(),
});
export type Medication = z.infer<typeof medicationSchema>;

export const renewabilitySchema = z.object({
  eligible: z.boolean(),
  reasons: z.array(z.string()),
  drugId: nullableString,
  maxDaysSupply: nullableNumber,
  defaultDaysSupply: nullableNumber,
  controlCategory: nullableString,
  daysSupply: nullableNumber,
});
export type Renewability = z.infer<typeof renewabilitySchema>;

export const allergySchema = z.object({
  substance: z.string(),
  reaction: z.string(),
  severity: z.string(),
  recordedOn: nullableString,
});
export type Allergy = z.infer<typeof allergySchema>;

export const renewalItemSchema = z.object({
  id: z.string(),
  drugId: z.string(),
  drugCode: z.string(),
  drugName: z.string(),
  drugNameEn: z.string(),
  strength: z.string(),
  doseAmount: z.number(),
  doseUnit: z.string(),
  frequency: z.string(),
  route: z.string(),
  daysSupply: z.number(),
  source: z.enum(['His', 'Portal']),
  sourcePrescriber: nullableString,
  lastDispensedOn: nullableString,
});
export type RenewalItem = z.infer<typeof renewalItemSchema>;

export const prescriptionSchema = z.object({
  id: z.string(),
  number: z.number(),
  doctorId: z.string(),
  doctorName: z.string(),
  signedAt: z.string(),
  contentHash: z.string(),
  intact: z.boolean(),
  superseded: z.boolean(),
  note: nullableString,
  lines: z.array(
    z.object({
      itemId: z.string(),
      drugId: z.string(),
      drugCode: z.string(),
      drugName: z.string(),
      drugNameEn: z.string(),
      strength: z.string(),
      doseAmount: z.number(),
      doseUnit: z.string(),
      frequency: z.string(),
      route: z.string(),
      daysSupply: z.number(),
      quantity: z.number(),
    }),
  ),
});
export type Prescription = z.infer<typeof prescriptionSchema>;

export const answersSchema = z.object({
  newSymptoms: z.boolean(),
  sideEffects: z.boolean(),
  hospitalStay: z.boolean(),
  pregnancy: z.boolean(),
  details: nullableString,
});
export type CheckAnswers = z.infer<typeof answersSchema>;

export const eventSchema = z.object({
  sequence: z.number(),
  at: z.string(),
  status: renewalStatusSchema,
  note: nullableString,
});
export type RenewalEvent = z.infer<typeof eventSchema>;

export const deliverySchema = z.object({
  address: nullableString,
  carrier: nullableString,
  trackingNumber: nullableString,
  status: deliveryStatusSchema.nullish().transform((v) => v ?? null),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const renewalSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  patientId: z.string(),
  patientName: nullableString,
  status: renewalStatusSchema,
  submittedAt: z.string(),
  updatedAt: z.string(),
  fulfilment: fulfilmentSchema,
  isFlagged: z.boolean(),
  awaitsPayment: z.boolean(),
  readyToCollect: z.boolean(),
  items: z.array(z.object({ drugName: z.string(), drugNameEn: z.string(), strength: z.string(), daysSupply: z.number() })),
  routingReason: nullableString,
});
export type RenewalSummary = z.infer<typeof renewalSummarySchema>;

export const patientBriefSchema = z.object({
  id: z.string(),
  name: z.string(),
  age: z.number(),
  sex: z.string(),
  maskedIdNumber: z.string(),
});
export type PatientBrief = z.infer<typeof patientBriefSchema>;

/** Who asked for the patient (a guardian or proxy), as the doctor and pharmacist see it; null: the patient themself. */
export const renewalAttendingSchema = z
  .object({ name: z.string(), relation: z.string(), guardianPresent: z.boolean().nullish() })
  .nullish()
  .transform((v) => v ?? null);
export type RenewalAttending = z.infer<typeof renewalAttendingSchema>;

export const reviewSchema = z.object({
  id: z.string(),
  prescriptionId: z.string(),
  pharmacistName: z.string(),
  at: z.string(),
  approved: z.boolean(),
  justification: nullableString,
  reason: nullableString,
  highestSeverity: nullableString,
});
export type Review = z.infer<typeof reviewSchema>;

export const findingSchema = z.object({
  kind: z.enum(['Interaction', 'DuplicateTherapy', 'DoseRange', 'Allergy', 'Age', 'NotChecked']),
  severity: z.enum(['Info', 'Warning', 'Severe']),
  drugCode: z.string(),
  drugName: z.string(),
  drugNameEn: z.string(),
  otherName: nullableString,
  otherNameEn: nullableString,
  parameters: z.record(z.string(), z.string()),
  advice: nullableString,
  adviceEn: nullableString,
});
export type Finding = z.infer<typeof findingSchema>;

/** Query keys: everything about renewals starts with this, so one invalidation refreshes every screen. */
export const renewalsQueryKey = ['renewals'] as const;
