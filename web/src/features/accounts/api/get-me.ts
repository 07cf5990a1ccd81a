import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { roleSchema } from '../lib/roles';

export const meSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.union([roleSchema, z.string()])).transform((roles) =>
    roles.filter((role): role is z.infer<typeof roleSchema> => roleSchema.safeParse(role).success),
  ),
  maskedIdNumber: z.string().nullable().optional(),
  preferredLanguage: z.string().nullable().optional(),
  patients: z
    .array(z.object({ id: z.string(), name: z.string(), relationship: z.string() }))
    .optional()
    .default([]),
});
export type Me = z.infer<typeof meSchema>;

/** The signed-in account: name, roles and the patients it may act for. */
export function getMe(): Promise<Me> {
  return apiJson('/api/me', meSchema);
}

export const meQueryKey = ['me'] as const;

export const meQueryOptions = queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });

export function useMe(options: { enabled?: boolean } = {}): UseQueryResult<Me> {
  return useQuery({ ...meQueryOptions, enabled: options.enabled ?? true });
}
