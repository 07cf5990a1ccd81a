import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { appointmentKeys, appointmentSchema, type Appointment, type VisitType } from './schemas';

export interface BookInput {
  patientId: string;
  slotId: string;
  visitType: VisitType;
  proofFileId?: string;
  /** For a child under 6: the guardian confirms they attend (domain rule 4; else 422 guardian_presence_required). */
  guardianPresent?: boolean;
}

export function bookAppointment(input: BookInput): Promise<Appointment> {
  return apiJson('/api/appointments', appointmentSchema, { method: 'POST', body: input });
}

/** Takes the slot: held for payment (or for review of uploaded proof). 409 slot_taken if someone was faster. */
export function useBookAppointment(): UseMutationResult<Appointment, Error, BookInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bookAppointment,
    onSuccess: (appointment) => {
      queryClient.setQueryData(appointmentKeys.one(appointment.id), appointment);
      void queryClient.invalidateQueries({ queryKey: appointmentKeys.all });
    },
  });
}
