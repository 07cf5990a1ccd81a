import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { hisOutboxQueryKey } from './query-keys';

export const outboxStatuses = ['Pending', 'DeadLettered', 'Delivered', 'Discarded'] as const;
export const outboxStatusSchema = z.enum(outboxStatuses);
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

/** One message in the list (no payload: that is personal health information, read one at a time and audited). */
export const outboxItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  patientId: z.string(),
  status: outboxStatusSchema,
  attempts: z.number().int(),
  totalAttempts: z.number().int(),
  createdAt: z.string(),
  nextAttemptAt: z.string(),
  deliveredAt: z.string().nullish(),
  deadLetteredAt: z.string().nullish(),
  lastError: z.string().nullish(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export const outboxPageSchema = z.object({
  items: z.array(outboxItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Messages per status under the other filters (for the status tabs). */
  counts: z.record(z.string(), z.number().int()),
});
export type OutboxPage = z.infer<typeof outboxPageSchema>;

export interface OutboxFilters {
  status?: OutboxStatus;
  kind?: string;
  patientId?: string;
  /** Instants (ISO 8601): messages written from / until then. */
  from?: string;
  to?: string;
  page?: number;
}

export const OUTBOX_PAGE_SIZE = 25;

/** Outbox messages, newest first; `status: 'DeadLettered'` is the dead-letter list. */
export function getOutboxMessages(filters: OutboxFilters): Promise<OutboxPage> {
  const query = new URLSearchParams({ page: String(filters.page ?? 1), pageSize: String(OUTBOX_PAGE_SIZE) });
  for (const key of ['status', 'kind', 'patientId', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  return apiJson(`/api/admin/his/outbox?${query.toString()}`, outboxPageSchema);
}

export function useOutboxMessages(filters: OutboxFilters): UseQueryResult<OutboxPage> {
  return useQuery({
    queryKey: [...hisOutboxQueryKey, 'list', filters],
    queryFn: () => getOutboxMessages(filters),
    // Note: keep the current page on screen while the next one (or a new filter) loads.
    placeholderData: keepPreviousData,
  });
}
