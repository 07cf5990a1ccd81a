import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { adminKeys } from './departments';

export const doctorProfileSchema = z.object({
  fullName: z.string(),
  departmentId: z.string(),
  title: z.string(),
  titleEn: z.string(),
  isFamilyDoctor: z.boolean(),
  specialties: z.string(),
  specialtiesEn: z.string(),
  bio: z.string(),
  bioEn: z.string(),
  languages: z.array(z.string()),
  inPersonFee: z.number(),
  videoFee: z.number(),
  licenseNumber: z.string(),
  practiceSinceYear: z.number(),
  offersVideoVisits: z.boolean(),
});
export type DoctorProfile = z.infer<typeof doctorProfileSchema>;
export const adminDoctorSchema = z.object({
  id: z.string(),
  department: z.object({ id: z.string(), name: z.string(), nameEn: z.string() }),
  profile: doctorProfileSchema,
  eligibleForOnlinePractice: z.boolean(),
  hasPhoto: z.boolean(),
  hasSchedule: z.boolean(),
});
export type AdminDoctor = z.infer<typeof adminDoctorSchema>;

export function listAdminDoctors(): Promise<AdminDoctor[]> {
  return apiJson('/api/admin/doctors', z.array(adminDoctorSchema));
}

export function useAdminDoctors(): UseQueryResult<AdminDoctor[]> {
  return useQuery({ queryKey: adminKeys.doctors, queryFn: listAdminDoctors });
}
