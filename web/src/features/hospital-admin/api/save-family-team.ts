import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { adminFamilyTeamSchema, familyTeamKeys, type AdminFamilyTeam } from './family-teams';

/** A team as the admin sets it; `doctorIds` are all its doctors, the lead included. */
export interface FamilyTeamInput {
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  facilityId: string;
  departmentId: string | null;
  leadDoctorId: string;
  doctorIds: string[];
  acceptingApplications: boolean;
  /** The version of the team the admin edited (absent for a new team): a stale edit is refused with team_changed. */
  version?: number;
  /** The packages the team offers; empty: every package. */
  packageIds: string[];
}

export interface SaveFamilyTeam {
  /** Absent for a new team. */
  teamId?: string;
  team: FamilyTeamInput;
}

export function saveFamilyTeam({ teamId, team }: SaveFamilyTeam): Promise<AdminFamilyTeam> {
  return teamId
    ? apiJson(`/api/admin/family-teams/${teamId}`, adminFamilyTeamSchema, { method: 'PUT', body: team })
    : apiJson('/api/admin/family-teams', adminFamilyTeamSchema, { method: 'POST', body: team });
}

export function useSaveFamilyTeam(): UseMutationResult<AdminFamilyTeam, Error, SaveFamilyTeam> {
  const queryClient = useQueryClient();
  // Note: settled, not only on success: after a refusal (team_changed) the list shows what the other admin saved.
  return useMutation({ mutationFn: saveFamilyTeam, onSettled: () => void queryClient.invalidateQueries({ queryKey: familyTeamKeys.all }) });
}
