import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { appointmentKeys, appointmentSchema, type Appointment } from './schemas';

export function getAppointment(id: string): Promise<Appointment> {
  return apiJson(`/api/appointments/${encodeURIComponent(id)}`, appointmentSchema);
}

export function useAppointment(id: string | undefined): UseQueryResult<Appointment> {
  return useQuery({ queryKey: appointmentKeys.one(id ?? ''), queryFn: () => getAppointment(id!), enabled: Boolean(id) });
}
