import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { adminKeys } from './departments';
import { adminDoctorSchema, type AdminDoctor, type DoctorProfile } from './doctors';

export function updateDoctor(input: { id: string; profile: DoctorProfile }): Promise<AdminDoctor> {
  return apiJson(`/api/admin/doctors/${encodeURIComponent(input.id)}`, adminDoctorSchema, { method: 'PUT', body: input.profile });
}

export function useUpdateDoctor(): UseMutationResult<AdminDoctor, Error, { id: string; profile: DoctorProfile }> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateDoctor, onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.doctors }) });
}
