import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { doctorCardSchema, type DoctorCard, type VisitType } from './schemas';

export interface DoctorSearch {
  departmentId?: string;
  name?: string;
  date?: string;
  visitType?: VisitType;
  language?: string;
}

export function findDoctors(search: DoctorSearch): Promise<DoctorCard[]> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (value) query.set(key, String(value));
  return apiJson(`/api/care/doctors?${query.toString()}`, z.array(doctorCardSchema));
}

/** Doctors matching the filters, earliest free time first. */
export function useFindDoctors(search: DoctorSearch): UseQueryResult<DoctorCard[]> {
  return useQuery({ queryKey: ['care', 'doctors', search], queryFn: () => findDoctors(search), placeholderData: keepPreviousData });
}
