import { z } from 'zod';

export const visitTypeSchema = z.enum(['InPerson', 'Video']);
export type VisitType = z.infer<typeof visitTypeSchema>;

export const appointmentStatusSchema = z.enum([
  'PendingReview',
  'PendingPayment',
  'Booked',
  'CheckedIn',
  'InProgress',
  'Completed',
  'Cancelled',
  'NoShow',
]);
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;

const refSchema = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });

export const appointmentSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  doctor: z.object({ id: z.string(), name: z.string(), title: z.string(), titleEn: z.string() }),
  department: refSchema,
  facility: refSchema,
  start: z.string(),
  end: z.string(),
  localDate: z.string(),
  timeZone: z.string(),
  visitType: visitTypeSchema,
  status: appointmentStatusSchema,
  fee: z.number(),
  currency: z.string(),
  holdExpiresAt: z.string().nullable(),
  paymentId: z.string().nullable(),
  paymentStatus: z.string().nullable(),
  refundedAmount: z.number(),
  followUpBasis: z.string(),
  followUpDiagnosisCode: z.string().nullable(),
  hasProof: z.boolean(),
  reviewNote: z.string().nullable(),
  cancelledBy: z.string().nullable(),
  cancellationReason: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  changeDeadline: z.string(),
  canCancel: z.boolean(),
  canReschedule: z.boolean(),
  createdAt: z.string(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const freeSlotSchema = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  localDate: z.string(),
  offersInPerson: z.boolean(),
  offersVideo: z.boolean(),
});
export type FreeSlot = z.infer<typeof freeSlotSchema>;

export const doctorCardSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  titleEn: z.string(),
  department: refSchema,
  facility: refSchema,
  specialties: z.string(),
  specialtiesEn: z.string(),
  languages: z.array(z.string()),
  hasPhoto: z.boolean(),
  isFamilyDoctor: z.boolean(),
  offersVideo: z.boolean(),
  inPersonFee: z.number(),
  videoFee: z.number(),
  nextFreeSlot: z.string().nullable(),
  freeSlots: z.number(),
});
export type DoctorCard = z.infer<typeof doctorCardSchema>;

/** Query keys of the booking feature, so mutations can refresh what they change. */
export const appointmentKeys = {
  all: ['appointments'] as const,
  list: (patientId: string, scope: string) => ['appointments', 'list', patientId, scope] as const,
  one: (id: string) => ['appointments', 'one', id] as const,
  slots: (doctorId: string) => ['appointments', 'slots', doctorId] as const,
  waitlist: (patientId: string) => ['appointments', 'waitlist', patientId] as const,
};
