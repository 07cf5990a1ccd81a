import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { useLiveEvent, useLiveReconnect } from '@/lib/live-connection';
import { alertsQueryKey, familyQueryKey, panelQueryKey, threadsQueryKey } from './query-keys';

export const FAMILY_ALERT_EVENT = 'familyAlert';
export const FAMILY_MESSAGE_EVENT = 'familyMessage';
export const FAMILY_READ_EVENT = 'familyMessagesRead';

export const alertEventSchema = z.object({
  alertId: z.string(),
  patientId: z.string(),
  findings: z.array(z.string()),
  raisedAt: z.string(),
});
export type AlertEvent = z.infer<typeof alertEventSchema>;

/**
 * Keeps what the family-doctor pages show in step with the server: a new alert, a message or a read receipt
 * refetches what it touches (events carry ids only, never health data). Safe to mount in several places.
 */
export function useFamilyLiveUpdates(onAlert?: (alert: AlertEvent) => void): void {
  const queryClient = useQueryClient();

  useLiveEvent(FAMILY_ALERT_EVENT, (payload) => {
    void queryClient.invalidateQueries({ queryKey: alertsQueryKey });
    void queryClient.invalidateQueries({ queryKey: panelQueryKey });
    void queryClient.invalidateQueries({ queryKey: [...familyQueryKey, 'summary'] });
    const parsed = alertEventSchema.safeParse(payload);
    if (parsed.success) onAlert?.(parsed.data);
  });
  useLiveEvent(FAMILY_MESSAGE_EVENT, () => {
    void queryClient.invalidateQueries({ queryKey: threadsQueryKey });
    void queryClient.invalidateQueries({ queryKey: panelQueryKey });
  });
  useLiveEvent(FAMILY_READ_EVENT, () => {
    void queryClient.invalidateQueries({ queryKey: threadsQueryKey });
  });
  // Note: decisions on a contract (accepted, declined, renewed, ended) reach the patient as notifications; refetch.
  useLiveEvent('notification', (payload) => {
    const kind = z.object({ kind: z.string() }).safeParse(payload);
    if (kind.success && kind.data.kind.startsWith('family.')) void queryClient.invalidateQueries({ queryKey: familyQueryKey });
  });
  useLiveReconnect(() => {
    void queryClient.invalidateQueries({ queryKey: familyQueryKey });
  });
}
