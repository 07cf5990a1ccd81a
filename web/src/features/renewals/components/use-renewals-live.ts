import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvent, useLiveReconnect } from '@/lib/live-connection';
import { renewalsQueryKey } from '../api/schemas';

/** Staff screens: the server's "a renewal queue changed" event. */
export const RENEWALS_CHANGED_EVENT = 'renewals.changed';

/**
 * Keeps renewal screens current: staff queues refetch when the server says a request changed; the patient's
 * screens refetch when a renewal notification arrives; everything refetches after a lost connection.
 */
export function useRenewalsLive(): void {
  const queryClient = useQueryClient();
  const refresh = (): void => void queryClient.invalidateQueries({ queryKey: renewalsQueryKey });
  useLiveEvent(RENEWALS_CHANGED_EVENT, refresh);
  useLiveEvent('notification', (payload) => {
    const kind = typeof payload === 'object' && payload !== null ? (payload as { kind?: unknown }).kind : undefined;
    if (typeof kind === 'string' && kind.startsWith('renewal.')) refresh();
  });
  useLiveReconnect(refresh);
}
