import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { pharmacistDecisionSchema, type PharmacistDecision } from './review-prescription';
import { renewalsQueryKey } from './schemas';

export type DispensingInput =
  | { step: 'dispense'; carrier?: string; trackingNumber?: string }
  | { step: 'delivery'; status: 'InTransit' | 'OutForDelivery' }
  | { step: 'picked-up'; pickupCode: string }
  | { step: 'delivered' };

/** The pharmacy's steps after approval: dispense, track a delivery, hand over against the pickup code, delivered. */
export function recordDispensing(renewalId: string, input: DispensingInput): Promise<PharmacistDecision> {
  const { step, ...body } = input;
  return apiJson(`/api/pharmacy/renewals/${encodeURIComponent(renewalId)}/${step}`, pharmacistDecisionSchema, { method: 'POST', body });
}

export function useRecordDispensing(renewalId: string): UseMutationResult<PharmacistDecision, Error, DispensingInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input) => recordDispensing(renewalId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: renewalsQueryKey }),
  });
}
