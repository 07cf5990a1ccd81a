import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { familyMemberKeys, meQueryKeyForRefresh } from './query-keys';
import type { Relation, Scope } from './schemas';

export interface AddMemberInput {
  relation: Relation;
  idType: 'resident' | 'passport';
  idNumber: string;
  fullName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  sex: 'Male' | 'Female';
  email?: string;
  phone?: string;
  /** For an adult: what the account asks to do (the adult chooses in the end). */
  scopes?: Scope[];
  accessEndsOn?: string;
}

export const addMemberResultSchema = z.object({
  patientId: z.string().nullish(),
  status: z.string(),
  invitationId: z.string().nullish(),
});
export type AddMemberResult = z.infer<typeof addMemberResultSchema>;

/** A child becomes the account's at once (status "active"); an adult is invited and stays "pending" until consent. */
export function addMember(input: AddMemberInput): Promise<AddMemberResult> {
  return apiJson('/api/family/members', addMemberResultSchema, { method: 'POST', body: input });
}

export function useAddMember(): UseMutationResult<AddMemberResult, Error, AddMemberInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addMember,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: familyMemberKeys.members() });
      void queryClient.invalidateQueries({ queryKey: meQueryKeyForRefresh });
    },
  });
}
