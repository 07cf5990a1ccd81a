import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

const runSchema = z.object({
  provider: z.string(),
  date: z.string(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  billLines: z.number(),
  discrepancies: z.number(),
  error: z.string().nullable(),
});
export type ReconciliationRun = z.infer<typeof runSchema>;

const discrepancySchema = z.object({
  id: z.string(),
  provider: z.string(),
  providerReference: z.string(),
  paymentId: z.string().nullable(),
  kind: z.string(),
  portalAmount: z.number().nullable(),
  providerAmount: z.number().nullable(),
  detail: z.string(),
  billDate: z.string().nullable(),
  foundAt: z.string(),
});
export type Discrepancy = z.infer<typeof discrepancySchema>;

const overviewSchema = z.object({ runs: z.array(runSchema), discrepancies: z.array(discrepancySchema) });
const key = ['admin', 'payments', 'reconciliation'] as const;

/** The recent bill comparisons and what they (and refused callbacks) found. */
export function useReconciliation(): UseQueryResult<z.infer<typeof overviewSchema>> {
  return useQuery({ queryKey: key, queryFn: () => apiJson('/api/admin/payments/reconciliation', overviewSchema) });
}

/** Compares one provider's bill of one past day now. */
export function useRunReconciliation(): UseMutationResult<ReconciliationRun, Error, { provider: string; date: string }> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body) => apiJson('/api/admin/payments/reconciliation', runSchema, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
}
