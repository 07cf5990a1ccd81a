import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { adminKeys } from './departments';
import { adminDoctorSchema, type AdminDoctor, type DoctorProfile } from './doctors';

export interface NewDoctor {
  email: string;
  mobile: string;
  initialPassword: string;
  profile: DoctorProfile;
}

export function createDoctor(input: NewDoctor): Promise<AdminDoctor> {
  return apiJson('/api/admin/doctors', adminDoctorSchema, { method: 'POST', body: input });
}

export function useCreateDoctor(): UseMutationResult<AdminDoctor, Error, NewDoctor> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createDoctor, onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.doctors }) });
}
