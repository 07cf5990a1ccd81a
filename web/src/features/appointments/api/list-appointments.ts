import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { appointmentKeys, appointmentSchema } from './schemas';

export const appointmentPageSchema = z.object({ items: z.array(appointmentSchema), page: z.number(), pageSize: z.number(), total: z.number() });
export type AppointmentPage = z.infer<typeof appointmentPageSchema>;
export type AppointmentScope = 'Upcoming' | 'Past';

export function listAppointments(patientId: string, scope: AppointmentScope, pageSize = 20): Promise<AppointmentPage> {
  return apiJson(`/api/appointments?patientId=${encodeURIComponent(patientId)}&scope=${scope}&pageSize=${pageSize}`, appointmentPageSchema);
}

/** A patient's upcoming (soonest first) or past appointments. */
export function useAppointments(patientId: string | undefined, scope: AppointmentScope, pageSize = 20): UseQueryResult<AppointmentPage> {
  return useQuery({ queryKey: [...appointmentKeys.list(patientId ?? '', scope), pageSize], queryFn: () => listAppointments(patientId!, scope, pageSize), enabled: Boolean(patientId) });
}
