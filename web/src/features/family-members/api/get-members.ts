import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { familyMemberKeys } from './query-keys';
import { familyMemberSchema, type FamilyMember } from './schemas';

/** The people this account acts for, or has asked to (pending consent). */
export function getMembers(): Promise<FamilyMember[]> {
  return apiJson('/api/family/members', z.array(familyMemberSchema));
}

export function useMembers(): UseQueryResult<FamilyMember[]> {
  return useQuery({ queryKey: familyMemberKeys.members(), queryFn: getMembers });
}
