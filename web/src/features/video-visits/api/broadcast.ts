import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch, apiJson, apiSend } from '@/lib/api-client';
import { visitQueryKey } from './schemas';

const viewerSchema = z.object({
  accountId: z.string(),
  name: z.string(),
  role: z.string(),
  joinedAt: z.string(),
  leftAt: z.string().nullable(),
});

/** A visit's teaching broadcast as its doctor sees it: live or not, how many watch, and who watched when. */
export const broadcastSchema = z.object({
  id: z.string(),
  visitId: z.string(),
  live: z.boolean(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** The broadcaster's own account: the commentator while they speak themselves (what "no commentator" sends). */
  commentatorAccountId: z.string(),
  broadcasterAccountId: z.string(),
  watching: z.number(),
  viewers: z.array(viewerSchema),
});
export type Broadcast = z.infer<typeof broadcastSchema>;

/** A live broadcast in the staff list; `commentator` names the doctor talking over the picture when not the broadcaster. */
const liveBroadcastSchema = z.object({
  id: z.string(),
  doctor: z.string(),
  department: z.string(),
  startedAt: z.string(),
  watching: z.number(),
  commentator: z.string().nullable(),
});
export type LiveBroadcast = z.infer<typeof liveBroadcastSchema>;

/** How a viewer receives a broadcast through Janus's Streaming plugin (receive only). */
const watchSchema = z.object({
  broadcastId: z.string(),
  url: z.string(),
  streamId: z.number(),
  pin: z.string(),
  token: z.string(),
  iceServers: z.array(z.object({ urls: z.array(z.string()), username: z.string().nullish(), credential: z.string().nullish() })),
});
export type BroadcastWatch = z.infer<typeof watchSchema>;

export const broadcastQueryKey = (visitId: string): readonly unknown[] => [...visitQueryKey(visitId), 'broadcast'];
const visitBase = (visitId: string): string => `/api/video-visits/${encodeURIComponent(visitId)}/broadcast`;

/** The visit's latest broadcast (null: never broadcast); refreshed while live so the viewer list stays current. */
export function useVisitBroadcast(visitId: string): UseQueryResult<Broadcast | null> {
  return useQuery({
    queryKey: broadcastQueryKey(visitId),
    queryFn: async () => {
      const response = await apiFetch(visitBase(visitId));
      return response.status === 204 ? null : broadcastSchema.parse(await response.json());
    },
    refetchInterval: (query) => (query.state.data?.live ? 5_000 : false),
  });
}

export function useStartBroadcast(visitId: string): UseMutationResult<Broadcast, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiJson(visitBase(visitId), broadcastSchema, { method: 'POST' }),
    onSuccess: (broadcast) => queryClient.setQueryData(broadcastQueryKey(visitId), broadcast),
  });
}

export function useStopBroadcast(visitId: string): UseMutationResult<Broadcast, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiJson(visitBase(visitId), broadcastSchema, { method: 'DELETE' }),
    onSuccess: (broadcast) => queryClient.setQueryData(broadcastQueryKey(visitId), broadcast),
  });
}

/** Whose voice goes out over the picture: a doctor in the call, or the broadcaster's own account (no other commentator). */
export function useSetCommentator(visitId: string): UseMutationResult<Broadcast, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => apiJson(`${visitBase(visitId)}/commentator`, broadcastSchema, { method: 'PUT', body: { accountId } }),
    onSuccess: (broadcast) => queryClient.setQueryData(broadcastQueryKey(visitId), broadcast),
  });
}

export function useLiveBroadcasts(): UseQueryResult<LiveBroadcast[]> {
  return useQuery({ queryKey: ['broadcasts'], queryFn: () => apiJson('/api/broadcasts', z.array(liveBroadcastSchema)), refetchInterval: 10_000 });
}

export function watchBroadcast(broadcastId: string): Promise<BroadcastWatch> {
  return apiJson(`/api/broadcasts/${encodeURIComponent(broadcastId)}/watch`, watchSchema, { method: 'POST' });
}

export function leaveBroadcast(broadcastId: string): Promise<void> {
  return apiSend(`/api/broadcasts/${encodeURIComponent(broadcastId)}/leave`, { method: 'POST' });
}
