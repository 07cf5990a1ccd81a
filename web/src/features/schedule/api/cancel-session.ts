import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { scheduleKeys } from './get-calendar';

const resultSchema = z.object({ slotsCancelled: z.number(), appointmentsCancelled: z.number() });
export type SessionCancellation = z.infer<typeof resultSchema>;
export interface CancelSessionInput {
  date: string;
  from: string;
  to: string;
  reason: string;
}

export function cancelSession(input: CancelSessionInput): Promise<SessionCancellation> {
  return apiJson('/api/doctors/me/sessions/cancel', resultSchema, { method: 'POST', body: input });
}

/** Cancels a whole session: patients are told, refunded and offered the next free times. */
export function useCancelSession(): UseMutationResult<SessionCancellation, Error, CancelSessionInput> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: cancelSession, onSuccess: () => void queryClient.invalidateQueries({ queryKey: scheduleKeys.all }) });
}
