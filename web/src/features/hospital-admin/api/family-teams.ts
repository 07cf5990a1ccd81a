import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const adminFamilyTeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string(),
  descriptionEn: z.string(),
  facility: z.object({ id: z.string(), name: z.string(), nameEn: z.string() }),
  departmentId: z.string().nullable(),
  acceptingApplications: z.boolean(),
  members: z.array(z.object({ doctorId: z.string(), name: z.string(), title: z.string(), titleEn: z.string(), role: z.enum(['Lead', 'Member']) })),
  activeContracts: z.number(),
  version: z.number(),
  /** The packages the team narrowed its offer to; empty: every package. */
  packageIds: z.array(z.string()),
});
export type AdminFamilyTeam = z.infer<typeof adminFamilyTeamSchema>;
export const familyTeamKeys = { all: ['admin', 'family-teams'] as const };

export function listAdminFamilyTeams(): Promise<AdminFamilyTeam[]> {
  return apiJson('/api/admin/family-teams', z.array(adminFamilyTeamSchema));
}

/** Family-doctor teams with their doctors, whether they take new patients and how many patients they have signed. */
export function useAdminFamilyTeams(): UseQueryResult<AdminFamilyTeam[]> {
  return useQuery({ queryKey: familyTeamKeys.all, queryFn: listAdminFamilyTeams });
}
