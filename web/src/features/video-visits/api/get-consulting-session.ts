import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const consultingSessionSchema = z.object({
  active: z.boolean(),
  startedAt: z.string().nullish(),
  expiresAt: z.string().nullish(),
  method: z.string().nullish(),
});
export type ConsultingSession = z.infer<typeof consultingSessionSchema>;

export const consultingSessionQueryKey = ['video-visits', 'consulting-session'] as const;

/** The doctor's current session of visits (domain rule 3: identified again before seeing patients). */
export function getConsultingSession(): Promise<ConsultingSession> {
  return apiJson('/api/video-visits/consulting-session', consultingSessionSchema);
}

export function useConsultingSession(): UseQueryResult<ConsultingSession> {
  return useQuery({ queryKey: consultingSessionQueryKey, queryFn: getConsultingSession });
}
