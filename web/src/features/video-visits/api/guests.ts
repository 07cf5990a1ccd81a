import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson, apiSend } from '@/lib/api-client';
import { visitQueryKey } from './schemas';

export const guestRoleSchema = z.enum(['Interpreter', 'Relative', 'Carer']);
export type GuestRole = z.infer<typeof guestRoleSchema>;
export const guestRoles: readonly GuestRole[] = guestRoleSchema.options;

const guestSchema = z.object({
  id: z.string(),
  role: guestRoleSchema,
  name: z.string().nullable(),
  email: z.string(),
  invitedBy: z.string(),
  invitedAt: z.string(),
  expiresAt: z.string(),
  state: z.enum(['invited', 'waiting', 'admitted', 'revoked', 'expired']),
  redeemedAt: z.string().nullable(),
  admittedAt: z.string().nullable(),
  inCall: z.boolean(),
});
export type VisitGuest = z.infer<typeof guestSchema>;

const sessionSchema = z.object({ credential: z.string(), expiresAt: z.string(), visitId: z.string(), guestId: z.string(), name: z.string(), role: guestRoleSchema });
export type GuestSession = z.infer<typeof sessionSchema>;

export const guestsQueryKey = (visitId: string): readonly unknown[] => [...visitQueryKey(visitId), 'guests'];

const base = (visitId: string): string => `/api/visits/${encodeURIComponent(visitId)}/guests`;

/** The visit's guests and where each stands (the doctor's waiting list shows those who arrived). */
export function useVisitGuests(visitId: string, enabled = true): UseQueryResult<VisitGuest[]> {
  return useQuery({ queryKey: guestsQueryKey(visitId), queryFn: () => apiJson(base(visitId), z.array(guestSchema)), enabled });
}

export function useInviteGuest(visitId: string): UseMutationResult<VisitGuest, Error, { role: GuestRole; email: string }> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body) => apiJson(base(visitId), guestSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: guestsQueryKey(visitId) }),
  });
}

export function useAdmitGuest(visitId: string): UseMutationResult<void, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (guestId) => apiSend(`${base(visitId)}/${encodeURIComponent(guestId)}/admit`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: guestsQueryKey(visitId) }),
  });
}

export function useRevokeGuest(visitId: string): UseMutationResult<void, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (guestId) => apiSend(`${base(visitId)}/${encodeURIComponent(guestId)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: guestsQueryKey(visitId) }),
  });
}

/**
 * The guest opens their link (no account): the link is bound to this device; the answer carries the visit's credential
 * and the role the doctor invited them as (the guest does not choose it).
 */
export function redeemGuestLink(body: { token: string; deviceSecret: string; name: string }): Promise<GuestSession> {
  return apiJson('/api/guest-links/redeem', sessionSchema, { method: 'POST', body, auth: false });
}
