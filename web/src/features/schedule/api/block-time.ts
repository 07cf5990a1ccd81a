import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { scheduleKeys } from './get-calendar';

export const blockInputSchema = z
  .object({
    startDate: z.string().min(1, 'schedule:validation.required'),
    startTime: z.string().min(1, 'schedule:validation.required'),
    endDate: z.string().min(1, 'schedule:validation.required'),
    endTime: z.string().min(1, 'schedule:validation.required'),
    reason: z.string().trim().min(1, 'schedule:validation.reasonRequired').max(200),
  })
  .refine((v) => `${v.endDate}T${v.endTime}` > `${v.startDate}T${v.startTime}`, { path: ['endTime'], message: 'schedule:validation.endAfterStart' });
export type BlockInput = z.infer<typeof blockInputSchema>;

const blockResultSchema = z.object({ block: z.object({ id: z.string() }), slotsBlocked: z.number(), bookedInside: z.number() });
export type BlockResult = z.infer<typeof blockResultSchema>;

const withSeconds = (time: string): string => (time.length === 5 ? `${time}:00` : time);

export function blockTime(input: BlockInput): Promise<BlockResult> {
  return apiJson('/api/doctors/me/blocks', blockResultSchema, {
    method: 'POST',
    body: { ...input, startTime: withSeconds(input.startTime), endTime: withSeconds(input.endTime) },
  });
}

/** Blocks time (local to the hospital): free slots inside stop being offered. */
export function useBlockTime(): UseMutationResult<BlockResult, Error, BlockInput> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: blockTime, onSuccess: () => void queryClient.invalidateQueries({ queryKey: scheduleKeys.all }) });
}
