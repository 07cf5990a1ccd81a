import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { outboxItemSchema } from './get-outbox-messages';
import { hisOutboxQueryKey } from './query-keys';

export const deliveryAttemptSchema = z.object({
  number: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string(),
  instance: z.string(),
  succeeded: z.boolean(),
  error: z.string().nullish(),
});
export type DeliveryAttempt = z.infer<typeof deliveryAttemptSchema>;

/** What the list shows of a message, and more. */
export const outboxMessageSchema = outboxItemSchema.extend({
  discardedAt: z.string().nullish(),
  discardReason: z.string().nullish(),
  /** A dispatcher holds the message right now. */
  inDelivery: z.boolean(),
  /** The patient's later messages held back behind this one (delivery is in order per patient). */
  waitingBehind: z.number().int(),
  /** The message as stored, pretty-printed JSON. */
  payload: z.string(),
  deliveryAttempts: z.array(deliveryAttemptSchema),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

/** One message with its payload and attempts; the server audit-logs the read. */
export function getOutboxMessage(id: string): Promise<OutboxMessage> {
  return apiJson(`/api/admin/his/outbox/${encodeURIComponent(id)}`, outboxMessageSchema);
}

/** How often a message still on its way is looked at again, so the page shows it arrive. */
export const PENDING_REFRESH_MS = 3_000;

export function useOutboxMessage(id: string): UseQueryResult<OutboxMessage> {
  return useQuery({
    queryKey: [...hisOutboxQueryKey, 'message', id],
    queryFn: () => getOutboxMessage(id),
    refetchInterval: (query) => (query.state.data?.status === 'Pending' ? PENDING_REFRESH_MS : false),
  });
}
