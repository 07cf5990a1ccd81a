import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { familyQueryKey } from '../lib/query-keys';

export const followUpTemplateSchema = z.object({
  code: z.string(),
  title: z.string(),
  titleEn: z.string(),
  intervalMonths: z.number().int(),
  conditionCode: z.string().nullable(),
});
export type FollowUpTemplate = z.infer<typeof followUpTemplateSchema>;

/** The follow-up plan templates (e.g. blood pressure every 3 months). */
export function getFollowUpTemplates(): Promise<FollowUpTemplate[]> {
  return apiJson('/api/family/follow-up-templates', z.array(followUpTemplateSchema));
}

export function useFollowUpTemplates(): UseQueryResult<FollowUpTemplate[]> {
  return useQuery({ queryKey: [...familyQueryKey, 'follow-up-templates'], queryFn: getFollowUpTemplates, staleTime: Infinity });
}
