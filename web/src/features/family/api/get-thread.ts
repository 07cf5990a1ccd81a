import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { threadsQueryKey } from '../lib/query-keys';
import { messageSides } from './get-patient-threads';

export const messageSchema = z.object({
  id: z.string(),
  side: z.enum(messageSides),
  senderName: z.string(),
  mine: z.boolean(),
  body: z.string(),
  sentAt: z.string(),
  readAt: z.string().nullable(),
  attachments: z.array(z.object({ fileId: z.string(), fileName: z.string(), contentType: z.string(), size: z.number() })),
});
export type FamilyMessage = z.infer<typeof messageSchema>;

export const threadDetailSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  team: z.object({ id: z.string(), name: z.string(), nameEn: z.string() }),
  subject: z.string(),
  mySide: z.enum(messageSides),
  open: z.boolean(),
  messages: z.array(messageSchema),
});
export type ThreadDetail = z.infer<typeof threadDetailSchema>;

export function threadQueryKey(threadId: string): readonly unknown[] {
  return [...threadsQueryKey, 'detail', threadId];
}

/** A conversation with its messages (the patient or a member of its team). */
export function getThread(threadId: string): Promise<ThreadDetail> {
  return apiJson(`/api/family/threads/${encodeURIComponent(threadId)}`, threadDetailSchema);
}

export function useThread(threadId: string): UseQueryResult<ThreadDetail> {
  return useQuery({ queryKey: threadQueryKey(threadId), queryFn: () => getThread(threadId) });
}
