import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { appointmentKeys } from './schemas';

const paymentSchema = z.looseObject({ id: z.string(), status: z.string(), failureReason: z.string().nullable().optional() });
export type SimulatedPayment = z.infer<typeof paymentSchema>;

export function simulatePayment(input: { paymentId: string; outcome: 'Succeed' | 'Fail' }): Promise<SimulatedPayment> {
  return apiJson(`/api/payments/${encodeURIComponent(input.paymentId)}/simulate`, paymentSchema, { method: 'POST', body: { outcome: input.outcome } });
}

/** The simulated gateway's pay step (development and tests): the payer decides the outcome. */
export function useSimulatePayment(): UseMutationResult<SimulatedPayment, Error, { paymentId: string; outcome: 'Succeed' | 'Fail' }> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: simulatePayment, onSuccess: () => void queryClient.invalidateQueries({ queryKey: appointmentKeys.all }) });
}
