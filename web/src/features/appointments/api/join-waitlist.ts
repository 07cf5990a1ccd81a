import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { waitlistEntrySchema, type WaitlistEntry } from './list-waitlist';
import { appointmentKeys, type VisitType } from './schemas';

export interface JoinWaitlistInput {
  patientId: string;
  doctorId: string;
  date: string;
  visitType: VisitType;
}

export function joinWaitlist(input: JoinWaitlistInput): Promise<WaitlistEntry> {
  return apiJson('/api/waitlist', waitlistEntrySchema, { method: 'POST', body: input });
}

/** Waits for a fully booked day; a freed slot is held for the first in line. */
export function useJoinWaitlist(): UseMutationResult<WaitlistEntry, Error, JoinWaitlistInput> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: joinWaitlist, onSuccess: () => void queryClient.invalidateQueries({ queryKey: appointmentKeys.all }) });
}
