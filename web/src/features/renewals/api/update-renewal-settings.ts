import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { renewalSettingsQueryKey, renewalSettingsSchema, type RenewalSettings } from './get-renewal-settings';

/** Sets the renewal fee (0 = none); it applies to prescriptions approved from now on. */
export function updateRenewalSettings(fee: number): Promise<RenewalSettings> {
  return apiJson('/api/admin/renewal-settings', renewalSettingsSchema, { method: 'PUT', body: { fee } });
}

export function useUpdateRenewalSettings(): UseMutationResult<RenewalSettings, Error, number> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRenewalSettings,
    onSuccess: (settings) => queryClient.setQueryData(renewalSettingsQueryKey, settings),
  });
}
