import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { renewalsQueryKey } from './schemas';

export const renewalSettingsSchema = z.object({
  fee: z.number(),
  currency: z.string(),
  longPrescriptionMaxDays: z.number(),
  updatedAt: z.string().nullish().transform((v) => v ?? null),
});
export type RenewalSettings = z.infer<typeof renewalSettingsSchema>;

/** The renewal fee (admin) and the long-prescription limit from configuration. */
export function getRenewalSettings(): Promise<RenewalSettings> {
  return apiJson('/api/admin/renewal-settings', renewalSettingsSchema);
}

export const renewalSettingsQueryKey = [...renewalsQueryKey, 'settings'] as const;

export function useRenewalSettings(): UseQueryResult<RenewalSettings> {
  return useQuery({ queryKey: renewalSettingsQueryKey, queryFn: getRenewalSettings });
}
