import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { threadsQueryKey } from '../lib/query-keys';

export const messageSides = ['Patient', 'Team'] as const;
export type MessageSide = (typeof messageSides)[number];

export const threadSummarySchema = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  team: z.object({ id: z.string(), name: z.string(), nameEn: z.string() }),
  subject: z.string(),
  startedAt: z.string(),
  lastMessageAt: z.string(),
  open: z.boolean(),
  unread: z.number().int(),
  lastMessage: z
    .object({ side: z.enum(messageSides), senderName: z.string(), excerpt: z.string(), attachments: z.number().int(), sentAt: z.string() })
    .nullable(),
});
export type ThreadSummary = z.infer<typeof threadSummarySchema>;

/** A patient's conversations with their family-doctor team, newest activity first. */
export function getPatientThreads(patientId: string, take = 50): Promise<ThreadSummary[]> {
  return apiJson(`/api/family/patients/${encodeURIComponent(patientId)}/threads?take=${take}`, z.array(threadSummarySchema));
}

export function usePatientThreads(patientId: string | undefined, take = 50): UseQueryResult<ThreadSummary[]> {
  return useQuery({
    queryKey: [...threadsQueryKey, 'patient', patientId ?? '', take],
    queryFn: () => getPatientThreads(patientId!, take),
    enabled: Boolean(patientId),
  });
}
