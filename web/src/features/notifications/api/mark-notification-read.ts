import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { markReadInCache } from '../lib/notification-cache';
import { notificationsQueryKey } from './get-notifications';

/** Marks one of your notifications as read (404 if it is not yours). */
export function markNotificationRead(id: string): Promise<void> {
  return apiSend(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

/** Shows the notification as read at once; the lists are refetched afterwards either way. */
export function useMarkNotificationRead(): UseMutationResult<void, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onMutate: (id) => markReadInCache(queryClient, id, new Date().toISOString()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}
