import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { familyQueryKey } from '../lib/query-keys';

/** Marks the other side's messages read (they see the read receipt); answers how many were marked. */
export function markThreadRead(threadId: string): Promise<{ marked: number }> {
  return apiJson(`/api/family/threads/${encodeURIComponent(threadId)}/read`, z.object({ marked: z.number().int() }), { method: 'POST' });
}

export function useMarkThreadRead(): UseMutationResult<{ marked: number }, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markThreadRead,
    onSuccess: async (result) => {
      if (result.marked > 0) await queryClient.invalidateQueries({ queryKey: familyQueryKey });
    },
  });
}
