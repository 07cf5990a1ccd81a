import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { renewalsQueryKey } from './schemas';

const startedSchema = z.object({ paymentId: z.string(), amount: z.number() });
const paymentSchema = z.object({ id: z.string(), status: z.string(), simulated: z.boolean() });

/**
 * Pays the prescription fee: starts (or resumes) the payment, then completes it with the simulated gateway's pay step
 * (the only gateway the portal runs with today; a real one would hand over to its own page here).
 */
export async function payRenewalFee(patientId: string, renewalId: string): Promise<string> {
  const started = await apiJson(
    `/api/patients/${encodeURIComponent(patientId)}/renewals/${encodeURIComponent(renewalId)}/payment`,
    startedSchema,
    { method: 'POST' },
  );
  const payment = await apiJson(`/api/payments/${encodeURIComponent(started.paymentId)}/simulate`, paymentSchema, {
    method: 'POST',
    body: { outcome: 'Succeed' },
  });
  return payment.status;
}

export function usePayRenewalFee(patientId: string | undefined, renewalId: string): UseMutationResult<string, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => payRenewalFee(patientId ?? '', renewalId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: renewalsQueryKey }),
  });
}
