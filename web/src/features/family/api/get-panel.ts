import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { panelQueryKey } from '../lib/query-keys';

export const riskLevels = ['Low', 'Medium', 'High'] as const;
export type RiskLevel = (typeof riskLevels)[number];
export const chronicConditions = [
  'hypertension',
  'diabetes',
  'coronary_heart_disease',
  'stroke',
  'copd',
  'dyslipidaemia',
  'chronic_kidney_disease',
] as const;
/** The server's sort allow-list. */
export const panelSorts = ['priority', 'name', 'age', 'risk', 'nextFollowUp', 'lastReading', 'signedAt', 'contractEnds'] as const;
export type PanelSort = (typeof panelSorts)[number];
export const panelFlags = ['alerts', 'abnormal', 'overdue', 'unread', 'renewals'] as const;
export type PanelFlag = (typeof panelFlags)[number];

export const panelPatientSchema = z.object({
  patientId: z.string(),
  contractId: z.string(),
  name: z.string(),
  sex: z.enum(['Male', 'Female']),
  age: z.number().int(),
  maskedIdNumber: z.string(),
  risk: z.enum(riskLevels),
  conditions: z.array(z.string()),
  nextFollowUpOn: z.string().nullable(),
  followUpOverdue: z.boolean(),
  lastReadingAt: z.string().nullable(),
  abnormalRecentReadings: z.boolean(),
  openAlerts: z.number().int(),
  unreadMessages: z.number().int(),
  pendingRenewalRequests: z.number().int(),
  signedAt: z.string(),
  endsAt: z.string(),
  contractRenewalRequested: z.boolean(),
});
export type PanelPatient = z.infer<typeof panelPatientSchema>;

export const panelPageSchema = z.object({
  items: z.array(panelPatientSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type PanelPage = z.infer<typeof panelPageSchema>;

export interface PanelParams {
  search?: string;
  condition?: string;
  risk?: RiskLevel;
  flags?: PanelFlag[];
  sort?: PanelSort;
  descending?: boolean;
  page?: number;
  pageSize?: number;
}

export const PANEL_PAGE_SIZE = 20;

/** The signed-in doctor's signed patients, filtered, sorted and paged on the server. */
export function getPanel(params: PanelParams = {}): Promise<PanelPage> {
  const query = new URLSearchParams({ page: String(params.page ?? 1), pageSize: String(params.pageSize ?? PANEL_PAGE_SIZE) });
  if (params.search?.trim()) query.set('search', params.search.trim());
  if (params.condition) query.set('condition', params.condition);
  if (params.risk) query.set('risk', params.risk);
  for (const flag of params.flags ?? []) query.set(flag, 'true');
  if (params.sort) query.set('sort', params.sort);
  if (params.descending) query.set('descending', 'true');
  return apiJson(`/api/family/panel?${query.toString()}`, panelPageSchema);
}

export function usePanel(params: PanelParams): UseQueryResult<PanelPage> {
  // Note: other people change this list (patients submit, colleagues decide): fetched afresh whenever it is opened.
  return useQuery({ queryKey: [...panelQueryKey, 'list', params], queryFn: () => getPanel(params), placeholderData: keepPreviousData, staleTime: 0 });
}
