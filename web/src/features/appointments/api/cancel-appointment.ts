import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { appointmentKeys, appointmentSchema, type Appointment } from './schemas';

export function cancelAppointment(id: string): Promise<Appointment> {
  return apiJson(`/api/appointments/${encodeURIComponent(id)}/cancel`, appointmentSchema, { method: 'POST' });
}

/** Cancels an appointment; a paid fee is refunded in full. */
export function useCancelAppointment(): UseMutationResult<Appointment, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelAppointment,
    onSuccess: (appointment) => {
      queryClient.setQueryData(appointmentKeys.one(appointment.id), appointment);
      void queryClient.invalidateQueries({ queryKey: appointmentKeys.all });
    },
  });
}
