import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { scheduleKeys } from './get-calendar';

export const blockSchema = z.object({ id: z.string(), start: z.string(), end: z.string(), reason: z.string() });
export type Block = z.infer<typeof blockSchema>;

export function listBlocks(): Promise<Block[]> {
  return apiJson('/api/doctors/me/blocks', z.array(blockSchema));
}

export function useBlocks(): UseQueryResult<Block[]> {
  return useQuery({ queryKey: [...scheduleKeys.all, 'blocks'], queryFn: listBlocks });
}
