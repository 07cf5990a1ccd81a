import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import {
  addendumSchema,
  attendingSchema,
  doctorSummarySchema,
  noteSchema,
  referralReasonSchema,
  specialistSchema,
  visitQueryKey,
  visitRoleSchema,
  visitFollowUpSchema,
  visitStatusSchema,
} from './schemas';

export const videoVisitSchema = z.object({
  id: z.string(),
  status: visitStatusSchema,
  myRole: visitRoleSchema,
  scheduledStart: z.string(),
  scheduledEnd: z.string(),
  checkedInAt: z.string(),
  admittedAt: z.string().nullish(),
  endedAt: z.string().nullish(),
  patient: z.object({ name: z.string(), age: z.number(), sex: z.string(), id: z.string() }),
  attending: attendingSchema,
  /** A remote consultation's room has no note, referral or ad-hoc invitations: its record is the consultation's opinion. */
  purpose: z.enum(['Appointment', 'Consultation']).nullish(),
  doctor: doctorSummarySchema,
  specialists: z.array(specialistSchema),
  referral: z.object({ reason: referralReasonSchema, detail: z.string().nullish(), refundedAmount: z.number().nullish() }).nullish(),
  note: noteSchema.nullish(),
  followUp: visitFollowUpSchema.nullish(),
  addenda: z.array(addendumSchema),
  trace: z.array(z.object({ at: z.string(), kind: z.string(), actorAccountId: z.string().nullish(), detail: z.string().nullish() })),
});
export type VideoVisit = z.infer<typeof videoVisitSchema>;

/** A visit you take part in (404 for anyone else); for the patient, the after-visit summary once completed. */
export function getVideoVisit(visitId: string): Promise<VideoVisit> {
  return apiJson(`/api/video-visits/${encodeURIComponent(visitId)}`, videoVisitSchema);
}

export function useVideoVisit(visitId: string, options: { enabled?: boolean } = {}): UseQueryResult<VideoVisit> {
  return useQuery({ queryKey: [...visitQueryKey(visitId), 'detail'], queryFn: () => getVideoVisit(visitId), enabled: options.enabled ?? true });
}
