import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvent, useLiveReconnect } from '@/lib/live-connection';
import { appointmentKeys } from '../api/schemas';

/** Keeps the patient's appointment screens current when the server says an appointment changed (paid, expired, cancelled). */
export function useAppointmentLiveUpdates(): void {
  const queryClient = useQueryClient();
  const refresh = (): void => void queryClient.invalidateQueries({ queryKey: appointmentKeys.all });
  useLiveEvent('appointmentChanged', refresh);
  useLiveReconnect(refresh);
}
