import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const appointmentPaymentSchema = z.object({ paymentId: z.string(), amount: z.number(), currency: z.string(), status: z.string(), simulated: z.boolean() });
export type AppointmentPayment = z.infer<typeof appointmentPaymentSchema>;

export function startPayment(appointmentId: string): Promise<AppointmentPayment> {
  return apiJson(`/api/appointments/${encodeURIComponent(appointmentId)}/payment`, appointmentPaymentSchema, { method: 'POST' });
}

/** Starts (or resumes) paying the fee of a held appointment. */
export function useStartPayment(): UseMutationResult<AppointmentPayment, Error, string> {
  return useMutation({ mutationFn: startPayment });
}
