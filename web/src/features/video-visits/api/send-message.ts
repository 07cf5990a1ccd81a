import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { addMessageToCache } from '../lib/chat-cache';
import { messageSchema, type VisitMessage } from './schemas';

export interface NewMessage {
  text?: string;
  file?: File;
}

/** Writes in the visit's chat; with a file (photo or PDF, up to the server's upload limit) it is uploaded as multipart. */
export async function sendMessage(visitId: string, message: NewMessage): Promise<VisitMessage> {
  const base = `/api/video-visits/${encodeURIComponent(visitId)}`;
  if (!message.file) {
    return apiJson(`${base}/messages`, messageSchema, { method: 'POST', body: { text: message.text } });
  }

  const form = new FormData();
  form.append('file', message.file);
  if (message.text) form.append('text', message.text);
  return apiJson(`${base}/files`, messageSchema, { method: 'POST', form });
}

export function useSendMessage(visitId: string): UseMutationResult<VisitMessage, Error, NewMessage> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (message) => sendMessage(visitId, message),
    onSuccess: (message) => addMessageToCache(queryClient, message),
  });
}
