import { z } from 'zod';

/** The radiology report of a study, when the hospital has issued one. */
export const radiologyReportSchema = z.object({
  conclusion: z.string().nullable(),
  issuedAt: z.string().nullable(),
  author: z.string().nullable(),
});
export type RadiologyReport = z.infer<typeof radiologyReportSchema>;

export const studySummarySchema = z.object({
  studyInstanceUid: z.string(),
  studyDate: z.string().nullable(),
  description: z.string().nullable(),
  modalities: z.string().nullable(),
  accessionNumber: z.string().nullable(),
  seriesCount: z.number(),
  instanceCount: z.number(),
  /** hospital: the hospital's PACS; shared: an outside study uploaded for this patient. */
  source: z.enum(['hospital', 'shared']).or(z.string()),
  report: radiologyReportSchema.nullable(),
});
export type StudySummary = z.infer<typeof studySummarySchema>;

export const instanceSchema = z.object({ sopInstanceUid: z.string(), number: z.number().nullable(), frames: z.number() });
export type ImagingInstance = z.infer<typeof instanceSchema>;

export const seriesSchema = z.object({
  seriesInstanceUid: z.string(),
  modality: z.string().nullable(),
  description: z.string().nullable(),
  number: z.number().nullable(),
  instances: z.array(instanceSchema),
});
export type ImagingSeries = z.infer<typeof seriesSchema>;

export const studyDetailSchema = studySummarySchema.extend({ series: z.array(seriesSchema) });
export type StudyDetail = z.infer<typeof studyDetailSchema>;
