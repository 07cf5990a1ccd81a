import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { patientRenewalSchema, type PatientRenewal } from './get-my-renewal';
import { renewalsQueryKey } from './schemas';

/** Withdraws a request no doctor has decided on yet. */
export function cancelRenewal(patientId: string, renewalId: string): Promise<PatientRenewal> {
  return apiJson(`/api/patients/${encodeURIComponent(patientId)}/renewals/${encodeURIComponent(renewalId)}/cancel`, patientRenewalSchema, {
    method: 'POST',
  });
}

export function useCancelRenewal(patientId: string | undefined, renewalId: string): UseMutationResult<PatientRenewal, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => cancelRenewal(patientId ?? '', renewalId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: renewalsQueryKey }),
  });
}
