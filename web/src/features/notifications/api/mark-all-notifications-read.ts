import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { markAllReadInCache } from '../lib/notification-cache';
import { notificationsQueryKey } from './get-notifications';

/** Marks all of your notifications as read. */
export function markAllNotificationsRead(): Promise<void> {
  return apiSend('/api/notifications/read-all', { method: 'POST' });
}

export function useMarkAllNotificationsRead(): UseMutationResult<void, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onMutate: () => markAllReadInCache(queryClient, new Date().toISOString()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}
