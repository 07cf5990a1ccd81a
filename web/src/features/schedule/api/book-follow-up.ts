import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export type FollowUpVisitType = 'InPerson' | 'Video';

/** What a follow-up booking (from the schedule, a family task or a video visit) answers: the held appointment. */
export const bookedFollowUpSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  start: z.string(),
  end: z.string(),
  visitType: z.enum(['InPerson', 'Video']),
  status: z.string(),
});
export type BookedFollowUp = z.infer<typeof bookedFollowUpSchema>;

export interface FollowUpBookingInput {
  patientId: string;
  slotId: string;
  visitType: FollowUpVisitType;
  /** The family follow-up task the visit is for: the task is linked to the appointment. */
  followUpTaskId?: string | null;
}

/** Books one of your own slots as a follow-up for a patient you have seen or are the family doctor of. */
export function bookFollowUp(input: FollowUpBookingInput): Promise<BookedFollowUp> {
  return apiJson('/api/doctors/me/follow-up-bookings', bookedFollowUpSchema, { method: 'POST', body: input });
}

export function useBookFollowUp(): UseMutationResult<BookedFollowUp, Error, FollowUpBookingInput> {
  const queryClient = useQueryClient();
  // Note: the slot is no longer free, and a family task now shows the visit: every cached view of either refetches.
  return useMutation({ mutationFn: bookFollowUp, onSuccess: () => void queryClient.invalidateQueries() });
}
