import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { familyMemberKeys } from './query-keys';
import { scopeListSchema } from './schemas';

export const invitationSchema = z.object({
  from: z.string(),
  relation: z.string(),
  scopes: scopeListSchema,
  accessEndsOn: z.string().nullish(),
  /** "guardian" (a former guardian asked back) or "proxy". */
  kind: z.string().nullish(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** An invitation to let another account act for me (404 for anyone but the invited person). */
export function getInvitation(token: string): Promise<Invitation> {
  return apiJson(`/api/family/invitations/${encodeURIComponent(token)}`, invitationSchema);
}

export function useInvitation(token: string): UseQueryResult<Invitation> {
  return useQuery({ queryKey: familyMemberKeys.invitation(token), queryFn: () => getInvitation(token), retry: false });
}
