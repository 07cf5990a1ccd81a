import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { threadsQueryKey } from '../lib/query-keys';
import { messageSchema, type FamilyMessage } from './get-thread';

export interface SendMessageInput {
  threadId: string;
  body: string;
  attachmentIds: string[];
}

/** Replies in a conversation. 422 conversation_closed once the contract ended; 429 when sending too fast. */
export function sendMessage({ threadId, ...body }: SendMessageInput): Promise<FamilyMessage> {
  return apiJson(`/api/family/threads/${encodeURIComponent(threadId)}/messages`, messageSchema, { method: 'POST', body });
}

export function useSendMessage(): UseMutationResult<FamilyMessage, Error, SendMessageInput> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: sendMessage, onSuccess: () => queryClient.invalidateQueries({ queryKey: threadsQueryKey }) });
}
