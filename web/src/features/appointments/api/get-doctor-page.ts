import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { doctorCardSchema, freeSlotSchema } from './schemas';

export const doctorPageSchema = z.object({
  doctor: doctorCardSchema,
  bio: z.string(),
  bioEn: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  nextFreeSlots: z.array(freeSlotSchema),
});
export type DoctorPage = z.infer<typeof doctorPageSchema>;

export function getDoctorPage(doctorId: string): Promise<DoctorPage> {
  return apiJson(`/api/care/doctors/${encodeURIComponent(doctorId)}`, doctorPageSchema);
}

export function useDoctorPage(doctorId: string | undefined): UseQueryResult<DoctorPage> {
  return useQuery({ queryKey: ['care', 'doctor', doctorId], queryFn: () => getDoctorPage(doctorId!), enabled: Boolean(doctorId) });
}
