import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const eligibilitySchema = z.object({
  doctorOffersVideo: z.boolean(),
  eligible: z.boolean(),
  basis: z.string(),
  diagnosis: z
    .object({ code: z.string(), description: z.string(), diagnosedOn: z.string(), departmentCode: z.string().nullable(), nameZh: z.string(), nameEn: z.string() })
    .nullable(),
  hisStale: z.boolean(),
  lookBack: z.string(),
  proofAccepted: z.boolean(),
});
export type Eligibility = z.infer<typeof eligibilitySchema>;

export function getEligibility(patientId: string, doctorId: string): Promise<Eligibility> {
  return apiJson(`/api/appointments/eligibility?patientId=${encodeURIComponent(patientId)}&doctorId=${encodeURIComponent(doctorId)}`, eligibilitySchema);
}

/** Whether the patient may see the doctor on video (follow-up rule), checked before they pick a video time. */
export function useEligibility(patientId: string | undefined, doctorId: string | undefined, enabled: boolean): UseQueryResult<Eligibility> {
  return useQuery({ queryKey: ['appointments', 'eligibility', patientId, doctorId], queryFn: () => getEligibility(patientId!, doctorId!), enabled: enabled && Boolean(patientId && doctorId) });
}
