import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { startFeePayment, type StartedFee } from '@/lib/payments';
import { renewalsQueryKey } from './schemas';

const startedSchema = z.object({ paymentId: z.string(), amount: z.number() });

/**
 * Pays the prescription fee: starts (or resumes) the payment; the simulated gateway completes it at once, a real
 * provider (WeChat Pay, Alipay) is then chosen by the payer on the page (PaymentMethods).
 */
export function usePayRenewalFee(patientId: string | undefined, renewalId: string): UseMutationResult<StartedFee, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      startFeePayment(queryClient, () =>
        apiJson(`/api/patients/${encodeURIComponent(patientId ?? '')}/renewals/${encodeURIComponent(renewalId)}/payment`, startedSchema, { method: 'POST' }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: renewalsQueryKey }),
  });
}
