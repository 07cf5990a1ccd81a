import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { appointmentKeys, appointmentSchema, type Appointment } from './schemas';

export function rescheduleAppointment(input: { id: string; slotId: string }): Promise<Appointment> {
  return apiJson(`/api/appointments/${encodeURIComponent(input.id)}/reschedule`, appointmentSchema, { method: 'POST', body: { slotId: input.slotId } });
}

/** Moves an appointment to another free time of the same doctor. */
export function useRescheduleAppointment(): UseMutationResult<Appointment, Error, { id: string; slotId: string }> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rescheduleAppointment,
    onSuccess: (appointment) => {
      queryClient.setQueryData(appointmentKeys.one(appointment.id), appointment);
      void queryClient.invalidateQueries({ queryKey: appointmentKeys.all });
    },
  });
}
