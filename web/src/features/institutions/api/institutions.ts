import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const institutionLevels = ['Tertiary', 'Secondary', 'Community'] as const;
export type InstitutionLevel = (typeof institutionLevels)[number];
export const hisAdapters = ['ConsortiumDefault', 'Fhir'] as const;
export type HisAdapter = (typeof hisAdapters)[number];

export const institutionSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  level: z.enum(institutionLevels),
  kind: z.string(),
  timeZone: z.string(),
  address: z.string().nullish(),
  phone: z.string().nullish(),
  hisAdapter: z.enum(hisAdapters),
  hisEndpoint: z.string().nullish(),
  editable: z.boolean(),
});
export type Institution = z.infer<typeof institutionSchema>;

const overviewSchema = z.object({ canAddInstitutions: z.boolean(), institutions: z.array(institutionSchema) });
export type InstitutionsOverview = z.infer<typeof overviewSchema>;

export const institutionKeys = { all: ['admin', 'institutions'] as const, staff: ['admin', 'staff-institutions'] as const };

export function listInstitutions(): Promise<InstitutionsOverview> {
  return apiJson('/api/admin/institutions', overviewSchema);
}

/** The consortium's institutions with their settings; `editable` marks the ones this administrator may change. */
export function useInstitutions(): UseQueryResult<InstitutionsOverview> {
  return useQuery({ queryKey: institutionKeys.all, queryFn: listInstitutions });
}
