import type { QueryClient } from '@tanstack/react-query';
import { messagesQueryKey } from '../api/list-messages';
import type { VisitMessage } from '../api/schemas';

/** Adds a message (sent here, or pushed by the room) to the cached chat once, in time order. */
export function addMessageToCache(queryClient: QueryClient, message: VisitMessage): void {
  queryClient.setQueryData<VisitMessage[]>(messagesQueryKey(message.visitId), (messages) => {
    if (!messages) return messages;
    if (messages.some((m) => m.id === message.id)) return messages;
    return [...messages, message].sort((a, b) => a.sentAt.localeCompare(b.sentAt));
  });
}
