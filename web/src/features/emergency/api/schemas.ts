import { z } from 'zod';
import limits from './vital-limits.json';

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null);

export const pathways = ['General', 'Stroke', 'ChestPain', 'Trauma'] as const;
export type Pathway = (typeof pathways)[number];
export const triageLevels = [1, 2, 3, 4] as const;

export const etaSchema = z.object({
  at: z.string(),
  minutes: z.number(),
  distanceKm: z.number(),
  positionAt: z.string(),
});
export type Eta = z.infer<typeof etaSchema>;

export const patientPartSchema = z.object({
  known: z.boolean(),
  patientId: nullable(z.string()),
  name: nullable(z.string()),
  sex: nullable(z.string()),
  age: nullable(z.number()),
  estimatedAge: nullable(z.number()),
  description: nullable(z.string()),
  maskedIdNumber: nullable(z.string()),
  mergedAt: nullable(z.string()),
});
export type PatientPart = z.infer<typeof patientPartSchema>;

export const vitalsSchema = z.object({
  id: z.string(),
  measuredAt: z.string(),
  heartRate: nullable(z.number()),
  systolic: nullable(z.number()),
  diastolic: nullable(z.number()),
  spO2: nullable(z.number()),
  respiratoryRate: nullable(z.number()),
  temperature: nullable(z.number()),
  glucose: nullable(z.number()),
  gcs: nullable(z.number()),
  recordedByName: z.string().nullish(),
});
export type Vitals = z.infer<typeof vitalsSchema>;

export const alertPartSchema = z.object({
  id: z.string(),
  pathway: z.string(),
  raisedAt: z.string(),
  raisedByName: z.string().nullish(),
  acks: z.array(z.object({ accountId: z.string(), name: z.string(), at: z.string() })),
});
export type AlertPart = z.infer<typeof alertPartSchema>;

export const boardCaseSchema = z.object({
  id: z.string(),
  status: z.string(),
  serviceName: z.string(),
  serviceNameEn: z.string(),
  destinationId: nullable(z.string()),
  destinationName: nullable(z.string()),
  destinationNameEn: nullable(z.string()),
  patient: patientPartSchema,
  chiefComplaint: nullable(z.string()),
  triageLevel: nullable(z.number()),
  pathway: z.string(),
  eta: nullable(etaSchema),
  latestVitals: nullable(vitalsSchema),
  alerts: z.array(alertPartSchema),
  acceptedAt: nullable(z.string()),
  firstContactAt: z.string(),
  arrivalAt: nullable(z.string()),
  handedOverAt: nullable(z.string()),
  lastSequence: z.number(),
  updatedAt: z.string(),
});
export type BoardCase = z.infer<typeof boardCaseSchema>;

export const emergencyCaseSchema = boardCaseSchema.extend({
  onsetAt: nullable(z.string()),
  lastKnownWellAt: nullable(z.string()),
  strokeScale: nullable(z.string()),
  strokeScore: nullable(z.number()),
  stemi: nullable(z.boolean()),
  traumaMechanism: nullable(z.string()),
  hisRegisteredAt: nullable(z.string()),
  videoCallOn: z.boolean().default(false),
  timeline: z.array(z.object({ kind: z.string(), at: z.string(), byName: z.string().nullish() })),
  vitals: z.array(vitalsSchema),
  treatments: z.array(z.object({ id: z.string(), givenAt: z.string(), description: z.string(), byName: z.string().nullish() })),
  messages: z.array(z.object({ id: z.string(), at: z.string(), side: z.string(), authorName: z.string(), text: z.string() })),
  attachments: z.array(z.object({ id: z.string(), caption: nullable(z.string()), contentType: z.string(), uploadedAt: z.string(), byName: z.string().nullish() })),
});
export type EmergencyCase = z.infer<typeof emergencyCaseSchema>;

export const destinationSchema = z.object({
  id: z.string(),
  facilityId: z.string(),
  name: z.string(),
  nameEn: z.string(),
  latitude: z.number(),
  longitude: z.number(),
});
export type Destination = z.infer<typeof destinationSchema>;

export const teamAlertSchema = alertPartSchema.extend({
  caseId: z.string(),
  hospitalName: z.string(),
  hospitalNameEn: z.string(),
  patient: patientPartSchema,
  triageLevel: nullable(z.number()),
  eta: nullable(etaSchema),
});
export type TeamAlert = z.infer<typeof teamAlertSchema>;

const intervalSchema = z.object({ count: z.number(), medianMinutes: nullable(z.number()), meanMinutes: nullable(z.number()) });
export const qualitySchema = z.object({
  from: z.string(),
  to: z.string(),
  pathways: z.array(
    z.object({ pathway: z.string(), cases: z.number(), callToArrival: intervalSchema, doorToCt: intervalSchema, preNotificationLead: intervalSchema }),
  ),
});
export type Quality = z.infer<typeof qualitySchema>;

export const patientMatchSchema = z.object({
  patientId: z.string(),
  name: z.string(),
  sex: nullable(z.string()),
  age: nullable(z.number()),
  maskedIdNumber: nullable(z.string()),
});
export type PatientMatch = z.infer<typeof patientMatchSchema>;

export const channelUpdatedSchema = z.object({ caseId: z.string(), part: z.string() });

/**
 * Physiological limits, as the server checks them (VitalSigns.Limits): shown next to each field before anything is sent,
 * and offline too, so they ship with the app rather than come from a request. VitalLimitsFileTests (server unit tests)
 * fail when this file and the server's limits differ; `step` is the input's precision, the SPA's own.
 */
export const vitalLimits = limits;
export type VitalField = keyof typeof vitalLimits;
export const vitalFields = Object.keys(vitalLimits) as VitalField[];

/** The department calls the crew by video (`ringing`), or the call ended (`ended`) or was declined by the crew (`declined`). */
export const videoCallEventSchema = z.object({ caseId: z.string(), state: z.enum(['ringing', 'ended', 'declined', 'closed']), byName: z.string(), at: z.string() });
export type VideoCallEvent = z.infer<typeof videoCallEventSchema>;
