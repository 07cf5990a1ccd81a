import { z } from 'zod';

/** Shapes shared by several video-visit endpoints (each call file keeps its own request and hook). */
export const visitStatusSchema = z.enum(['Waiting', 'InProgress', 'Completed', 'Referred']);
export type VisitStatus = z.infer<typeof visitStatusSchema>;

export const visitRoleSchema = z.enum(['Patient', 'Doctor', 'Specialist', 'Guest', 'Crew', 'EmergencyStaff']);
export type VisitRole = z.infer<typeof visitRoleSchema>;

export const referralReasonSchema = z.enum(['ConditionChanged', 'FirstVisit', 'Emergency', 'Other']);
export type ReferralReason = z.infer<typeof referralReasonSchema>;

export const doctorSummarySchema = z.object({
  doctorId: z.string(),
  name: z.string(),
  title: z.string(),
  titleEn: z.string(),
  departmentId: z.string(),
  department: z.string(),
  departmentEn: z.string(),
});
export type DoctorSummary = z.infer<typeof doctorSummarySchema>;

export const specialistSchema = z.object({
  doctorId: z.string(),
  name: z.string(),
  title: z.string(),
  titleEn: z.string(),
  department: z.string(),
  departmentEn: z.string(),
  facility: z.string(),
  facilityEn: z.string(),
});
export type Specialist = z.infer<typeof specialistSchema>;

export const diagnosisSchema = z.object({ code: z.string(), description: z.string() });
export type Diagnosis = z.infer<typeof diagnosisSchema>;

export const noteSchema = z.object({
  chiefComplaint: z.string(),
  history: z.string(),
  assessment: z.string(),
  plan: z.string(),
  diagnoses: z.array(diagnosisSchema),
  followUpAdvice: z.string(),
  followUpAppointmentId: z.string().nullish(),
  lastEditedAt: z.string(),
  signature: z
    .object({ signedByAccountId: z.string(), signedBy: z.string(), signedAt: z.string(), contentHash: z.string(), intact: z.boolean() })
    .nullish(),
});
export type VisitNote = z.infer<typeof noteSchema>;

/** The follow-up appointment ordered from the note, as it stands (PendingPayment until the patient pays). */
export const visitFollowUpSchema = z.object({
  appointmentId: z.string(),
  start: z.string(),
  end: z.string(),
  visitType: z.enum(['InPerson', 'Video']),
  status: z.string(),
});
export type VisitFollowUp = z.infer<typeof visitFollowUpSchema>;

export const addendumSchema = z.object({
  id: z.string(),
  sequence: z.number(),
  text: z.string(),
  authorName: z.string(),
  at: z.string(),
  contentHash: z.string(),
});
export type Addendum = z.infer<typeof addendumSchema>;

export const messageSchema = z.object({
  id: z.string(),
  visitId: z.string(),
  senderAccountId: z.string(),
  senderName: z.string(),
  senderRole: visitRoleSchema,
  text: z.string().nullish(),
  file: z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number() }).nullish(),
  sentAt: z.string(),
});
export type VisitMessage = z.infer<typeof messageSchema>;

export const visitQueryKey = (visitId: string): readonly unknown[] => ['video-visits', visitId] as const;

/**
 * Who attends with or for the patient (issue 15): a guardian or a proxy, with the relation to the patient; null when the
 * patient attends alone.
 */
export const attendingSchema = z.object({ name: z.string(), relation: z.string(), guardianPresent: z.boolean().nullish() }).nullish();
export type Attending = z.infer<typeof attendingSchema>;
