import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvent, useLiveReconnect } from '@/lib/live-connection';
import { scheduleKeys } from '../api/get-calendar';

/** Keeps the doctor's calendar current as patients book, pay and cancel. */
export function useCalendarLiveUpdates(): void {
  const queryClient = useQueryClient();
  const refresh = (): void => void queryClient.invalidateQueries({ queryKey: scheduleKeys.all });
  useLiveEvent('appointmentChanged', refresh);
  useLiveReconnect(refresh);
}
