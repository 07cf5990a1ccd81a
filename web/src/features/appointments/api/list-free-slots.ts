import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { appointmentKeys, freeSlotSchema, type VisitType } from './schemas';

export const freeSlotListSchema = z.object({ doctorId: z.string(), timeZone: z.string(), from: z.string(), days: z.number(), slots: z.array(freeSlotSchema) });
export type FreeSlotList = z.infer<typeof freeSlotListSchema>;

export function listFreeSlots(doctorId: string, from: string, days: number, visitType?: VisitType): Promise<FreeSlotList> {
  const query = new URLSearchParams({ from, days: String(days) });
  if (visitType) query.set('visitType', visitType);
  return apiJson(`/api/care/doctors/${encodeURIComponent(doctorId)}/slots?${query.toString()}`, freeSlotListSchema);
}

/** A doctor's free times over some days, in the hospital's zone. */
export function useFreeSlots(doctorId: string | undefined, from: string | undefined, days: number, visitType?: VisitType): UseQueryResult<FreeSlotList> {
  return useQuery({
    queryKey: [...appointmentKeys.slots(doctorId ?? ''), from, days, visitType],
    queryFn: () => listFreeSlots(doctorId!, from!, days, visitType),
    enabled: Boolean(doctorId && from),
    placeholderData: keepPreviousData,
  });
}
