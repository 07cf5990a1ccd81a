import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiSend } from '@/lib/api-client';
import { meQueryKey, type Me } from './get-me';

export const preferencesInputSchema = z.object({ language: z.enum(['zh-CN', 'en']) });
export type PreferencesInput = z.infer<typeof preferencesInputSchema>;

/** Stores the signed-in user's language so server-sent messages (e-mails) can use it. */
export function updatePreferences(input: PreferencesInput): Promise<void> {
  return apiSend('/api/me/preferences', { method: 'PUT', body: preferencesInputSchema.parse(input) });
}

export function useUpdatePreferences(): UseMutationResult<void, Error, PreferencesInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePreferences,
    onSuccess: (_, input) => {
      queryClient.setQueryData<Me>(meQueryKey, (me) => (me ? { ...me, preferredLanguage: input.language } : me));
    },
  });
}
