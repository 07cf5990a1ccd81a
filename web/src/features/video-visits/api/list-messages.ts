import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { messageSchema, visitQueryKey, type VisitMessage } from './schemas';

export const messagesQueryKey = (visitId: string): readonly unknown[] => [...visitQueryKey(visitId), 'messages'];

/** The visit's chat, oldest first (participants only). */
export function listMessages(visitId: string): Promise<VisitMessage[]> {
  return apiJson(`/api/video-visits/${encodeURIComponent(visitId)}/messages`, z.array(messageSchema));
}

export function useMessages(visitId: string): UseQueryResult<VisitMessage[]> {
  return useQuery({ queryKey: messagesQueryKey(visitId), queryFn: () => listMessages(visitId) });
}
