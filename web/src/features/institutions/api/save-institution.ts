import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { institutionKeys, institutionSchema, type HisAdapter, type Institution, type InstitutionLevel } from './institutions';

export interface InstitutionSettings {
  name: string;
  nameEn: string;
  level: InstitutionLevel;
  timeZone: string;
  address: string;
  phone: string;
  hisAdapter: HisAdapter;
  hisEndpoint: string;
}

/** `id` changes an institution; without it (and with a code) the consortium's administrator adds one. */
export type SaveInstitutionInput = { id: string; settings: InstitutionSettings } | { id?: undefined; code: string; settings: InstitutionSettings };

export function saveInstitution(input: SaveInstitutionInput): Promise<Institution> {
  if (input.id !== undefined) {
    return apiJson(`/api/admin/institutions/${encodeURIComponent(input.id)}`, institutionSchema, { method: 'PUT', body: input.settings });
  }

  return apiJson('/api/admin/institutions', institutionSchema, { method: 'POST', body: { code: input.code, settings: input.settings } });
}

export function useSaveInstitution(): UseMutationResult<Institution, Error, SaveInstitutionInput> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveInstitution, onSuccess: () => void queryClient.invalidateQueries({ queryKey: institutionKeys.all }) });
}
