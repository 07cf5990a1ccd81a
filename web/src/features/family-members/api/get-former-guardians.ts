import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { familyMemberKeys } from './query-keys';
import { formerGuardianSchema, type FormerGuardian } from './schemas';

/** The guardians whose access ended at my 18th birthday and who do not act for me again yet. */
export function getFormerGuardians(): Promise<FormerGuardian[]> {
  return apiJson('/api/family/proxies/former', z.array(formerGuardianSchema));
}

export function useFormerGuardians(): UseQueryResult<FormerGuardian[]> {
  return useQuery({ queryKey: familyMemberKeys.formerGuardians(), queryFn: getFormerGuardians });
}
