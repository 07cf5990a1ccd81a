import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { renewalsQueryKey, renewalSummarySchema } from './schemas';

export const onDutySchema = z.object({ accountId: z.string(), name: z.string(), since: z.string() });
export type OnDutyPharmacist = z.infer<typeof onDutySchema>;

export const pharmacyQueueSchema = z.object({
  onDuty: z.array(onDutySchema),
  iAmOnDuty: z.boolean(),
  toReview: z.array(renewalSummarySchema),
  awaitingPayment: z.array(renewalSummarySchema),
  toDispense: z.array(renewalSummarySchema),
  dispensed: z.array(renewalSummarySchema),
});
export type PharmacyQueue = z.infer<typeof pharmacyQueueSchema>;

/** The pharmacy's work and who is on duty. */
export function getPharmacyQueue(): Promise<PharmacyQueue> {
  return apiJson('/api/pharmacy/queue', pharmacyQueueSchema);
}

export const pharmacyQueueQueryKey = [...renewalsQueryKey, 'pharmacy'] as const;

export function usePharmacyQueue(): UseQueryResult<PharmacyQueue> {
  // Note: other people change this list (patients submit, colleagues decide): fetched afresh whenever it is opened.
  return useQuery({ queryKey: pharmacyQueueQueryKey, queryFn: getPharmacyQueue, staleTime: 0 });
}
