import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { onDutySchema, pharmacyQueueQueryKey, type OnDutyPharmacist } from './get-pharmacy-queue';

/** The signed-in pharmacist goes on or off duty; answers who is on duty now. */
export function setDuty(onDuty: boolean): Promise<OnDutyPharmacist[]> {
  return apiJson('/api/pharmacy/duty', z.array(onDutySchema), { method: 'PUT', body: { onDuty } });
}

export function useSetDuty(): UseMutationResult<OnDutyPharmacist[], Error, boolean> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setDuty,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pharmacyQueueQueryKey }),
  });
}
