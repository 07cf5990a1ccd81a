import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { panelQueryKey } from '../lib/query-keys';

export const panelOverviewSchema = z.object({
  inTeam: z.boolean(),
  signedPatients: z.number().int(),
  patientsWithAlerts: z.number().int(),
  pendingApplications: z.number().int(),
  patientsWithUnreadMessages: z.number().int(),
  patientsWithOverdueFollowUp: z.number().int(),
});
export type PanelOverview = z.infer<typeof panelOverviewSchema>;

/** The counts on the workspace card: signed patients and what needs attention. */
export function getPanelOverview(): Promise<PanelOverview> {
  return apiJson('/api/family/panel/overview', panelOverviewSchema);
}

export function usePanelOverview(): UseQueryResult<PanelOverview> {
  // Note: other people change this list (patients submit, colleagues decide): fetched afresh whenever it is opened.
  return useQuery({ queryKey: [...panelQueryKey, 'overview'], queryFn: getPanelOverview, staleTime: 0 });
}
