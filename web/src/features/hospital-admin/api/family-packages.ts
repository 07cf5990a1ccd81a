import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const adminPackageSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string(),
  descriptionEn: z.string(),
  includes: z.array(z.string()),
  includesEn: z.array(z.string()),
  annualFee: z.number(),
  conditionCode: z.string().nullable(),
  followUpTemplateCode: z.string().nullable(),
  displayOrder: z.number(),
  version: z.number(),
});
export type AdminPackage = z.infer<typeof adminPackageSchema>;

const templateSchema = z.object({ code: z.string(), title: z.string(), titleEn: z.string(), intervalMonths: z.number(), conditionCode: z.string().nullable() });
export type PackageFollowUpTemplate = z.infer<typeof templateSchema>;

export const familyPackageKeys = { all: ['admin', 'family-packages'] as const, templates: ['admin', 'family-follow-up-templates'] as const };

/** The chronic conditions a package can be for (the server's list; names come from the family namespace). */
export const packageConditions = ['hypertension', 'diabetes', 'coronary_heart_disease', 'stroke', 'copd', 'dyslipidaemia', 'chronic_kidney_disease'] as const;

/**
 * What a package offers, as the admin sets it (the code is given once, when it is added), with the version the admin
 * edited (absent for a new package): a stale edit is refused with package_changed.
 */
export type PackageInput = Omit<AdminPackage, 'id' | 'code' | 'version'> & { version?: number };

/** Service packages in the order patients see them. */
export function useAdminPackages(): UseQueryResult<AdminPackage[]> {
  return useQuery({ queryKey: familyPackageKeys.all, queryFn: () => apiJson('/api/admin/family-packages', z.array(adminPackageSchema)) });
}

/** The follow-up plans a package can start when a patient signs. */
export function usePackageFollowUpTemplates(): UseQueryResult<PackageFollowUpTemplate[]> {
  return useQuery({
    queryKey: familyPackageKeys.templates,
    queryFn: () => apiJson('/api/admin/family-follow-up-templates', z.array(templateSchema)),
    staleTime: Infinity,
  });
}

export interface SavePackage {
  /** Absent for a new package, which then needs a code. */
  packageId?: string;
  code?: string;
  package: PackageInput;
}

export function savePackage({ packageId, code, package: input }: SavePackage): Promise<AdminPackage> {
  return packageId
    ? apiJson(`/api/admin/family-packages/${packageId}`, adminPackageSchema, { method: 'PUT', body: input })
    : apiJson('/api/admin/family-packages', adminPackageSchema, { method: 'POST', body: { code, package: input } });
}

export function useSavePackage(): UseMutationResult<AdminPackage, Error, SavePackage> {
  const queryClient = useQueryClient();
  // Note: settled, not only on success: after a refusal (package_changed) the list shows what the other admin saved.
  return useMutation({ mutationFn: savePackage, onSettled: () => void queryClient.invalidateQueries({ queryKey: familyPackageKeys.all }) });
}
