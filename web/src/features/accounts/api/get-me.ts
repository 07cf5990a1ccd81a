import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { roleSchema } from '../lib/roles';

/** What an account may do for a person (issue 15); the account's own record and a young child's guardian have all. */
export const accessScopes = ['appointments', 'results', 'medications', 'messages', 'payments'] as const;
export type AccessScope = (typeof accessScopes)[number];

const scopeSchema = z.union([z.enum(accessScopes), z.string()]);

export const actingPatientSchema = z.object({
  id: z.string(),
  name: z.string(),
  relationship: z.string(),
  relation: z.string().nullish(),
  dateOfBirth: z.string().nullish(),
  sex: z.string().nullish(),
  ageYears: z.number().nullish(),
  // Note: absent from a server without proxy access: there an account only has full access to its own record.
  scopes: z
    .array(scopeSchema)
    .nullish()
    .transform((scopes) => (scopes ?? [...accessScopes]).filter((scope): scope is AccessScope => (accessScopes as readonly string[]).includes(scope))),
  guardianMustAttend: z.boolean().nullish().transform((value) => value ?? false),
  accessEndsOn: z.string().nullish(),
});
export type ActingPatient = z.infer<typeof actingPatientSchema>;

export const meSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  // Note: the consortium's administrator is a system administrator of every institution: the SPA shows it the system
  // administrator's pages (the server decides which institution's data it may change).
  roles: z.array(z.union([roleSchema, z.string()])).transform((roles) =>
    roles
      .map((role) => (role === 'ConsortiumAdmin' ? 'SystemAdmin' : role))
      .filter((role): role is z.infer<typeof roleSchema> => roleSchema.safeParse(role).success),
  ),
  maskedIdNumber: z.string().nullable().optional(),
  preferredLanguage: z.string().nullable().optional(),
  patients: z.array(actingPatientSchema).optional().default([]),
  // Note: how notifications reach the person besides the notification centre (absent from an older server).
  channels: z
    .object({
      email: z.boolean(),
      sms: z.boolean(),
      mobileVerified: z.boolean(),
      timeZone: z.string().nullish(),
      maskedMobile: z.string().nullish(),
    })
    .nullish(),
});
export type Me = z.infer<typeof meSchema>;
/** A patient as the server sends it (tests and fixtures may leave out what an older server did not send). */
export type MeInput = z.input<typeof meSchema>;

/** The signed-in account: name, roles and the patients it may act for. */
export function getMe(): Promise<Me> {
  return apiJson('/api/me', meSchema);
}

export const meQueryKey = ['me'] as const;

export const meQueryOptions = queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });

export function useMe(options: { enabled?: boolean } = {}): UseQueryResult<Me> {
  return useQuery({ ...meQueryOptions, enabled: options.enabled ?? true });
}
