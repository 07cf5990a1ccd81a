import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { appointmentKeys, visitTypeSchema } from './schemas';

export const waitlistEntrySchema = z.object({
  id: z.string(),
  doctorId: z.string(),
  doctorName: z.string(),
  doctorTitle: z.string(),
  doctorTitleEn: z.string(),
  date: z.string(),
  visitType: visitTypeSchema,
  status: z.enum(['Waiting', 'Offered', 'Left']),
  position: z.number(),
  offeredAppointmentId: z.string().nullable(),
  timeZone: z.string(),
});
export type WaitlistEntry = z.infer<typeof waitlistEntrySchema>;

export function listWaitlist(patientId: string): Promise<WaitlistEntry[]> {
  return apiJson(`/api/waitlist?patientId=${encodeURIComponent(patientId)}`, z.array(waitlistEntrySchema));
}

export function useWaitlist(patientId: string | undefined): UseQueryResult<WaitlistEntry[]> {
  return useQuery({ queryKey: appointmentKeys.waitlist(patientId ?? ''), queryFn: () => listWaitlist(patientId!), enabled: Boolean(patientId) });
}
