import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { familyQueryKey } from '../lib/query-keys';

export const teamMemberSchema = z.object({
  doctorId: z.string(),
  name: z.string(),
  title: z.string(),
  titleEn: z.string(),
  role: z.enum(['Lead', 'Member']),
});

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string(),
  descriptionEn: z.string(),
  facility: z.string(),
  facilityEn: z.string(),
  acceptingApplications: z.boolean(),
  members: z.array(teamMemberSchema),
  /** The packages one can sign for with this team. */
  packageIds: z.array(z.string()),
});
export type FamilyTeam = z.infer<typeof teamSchema>;

export const packageSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string(),
  descriptionEn: z.string(),
  includes: z.array(z.string()),
  includesEn: z.array(z.string()),
  annualFee: z.number(),
  conditionCode: z.string().nullable(),
});
export type ServicePackage = z.infer<typeof packageSchema>;

export const catalogueSchema = z.object({ teams: z.array(teamSchema), packages: z.array(packageSchema), currency: z.string() });
export type FamilyCatalogue = z.infer<typeof catalogueSchema>;

/** The family-doctor teams one can sign with, and the service packages. */
export function getFamilyCatalogue(): Promise<FamilyCatalogue> {
  return apiJson('/api/family/teams', catalogueSchema);
}

export function useFamilyCatalogue(): UseQueryResult<FamilyCatalogue> {
  return useQuery({ queryKey: [...familyQueryKey, 'catalogue'], queryFn: getFamilyCatalogue, staleTime: 10 * 60_000 });
}
