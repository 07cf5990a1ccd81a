import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiSend } from '@/lib/api-client';
import { meQueryKey, type Me } from './get-me';

export const channelsInputSchema = z.object({ email: z.boolean(), sms: z.boolean(), timeZone: z.string().nullable() });
export type ChannelsInput = z.infer<typeof channelsInputSchema>;

/** Whether notifications also come by e-mail and by SMS, and the zone of the SMS quiet hours (null: the hospital's). */
export function updateNotificationChannels(input: ChannelsInput): Promise<void> {
  return apiSend('/api/me/notification-channels', { method: 'PUT', body: channelsInputSchema.parse(input) });
}

export function useUpdateNotificationChannels(): UseMutationResult<void, Error, ChannelsInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNotificationChannels,
    onSuccess: (_, input) => {
      queryClient.setQueryData<Me>(meQueryKey, (me) => (me?.channels ? { ...me, channels: { ...me.channels, ...input } } : me));
    },
  });
}
