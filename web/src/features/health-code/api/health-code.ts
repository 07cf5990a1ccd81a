import { queryOptions, useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson, apiSend } from '@/lib/api-client';

export const healthCodeQueryKey = ['health-code'] as const;

/** Codes live 60 s; the page asks for a fresh one a little before the old one runs out. */
export const healthCodeSchema = z.object({
  code: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  lifetimeSeconds: z.number(),
  hasPin: z.boolean(),
  pinLocked: z.boolean(),
  staticCodeIssuedAt: z.string().nullish().transform((v) => v ?? null),
});
export type HealthCode = z.infer<typeof healthCodeSchema>;

export const staticHealthCodeSchema = z.object({ code: z.string(), issuedAt: z.string(), patientName: z.string() });
export type StaticHealthCode = z.infer<typeof staticHealthCodeSchema>;

const root = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}/health-code`;

export const healthCodeQueryOptions = (patientId: string) =>
  queryOptions({
    queryKey: [...healthCodeQueryKey, patientId],
    queryFn: () => apiJson(root(patientId), healthCodeSchema),
    // Note: a code is never reused from cache after its minute; the page refetches on its own timer.
    staleTime: 0,
    gcTime: 60_000,
  });

export function useHealthCode(patientId: string | undefined): UseQueryResult<HealthCode> {
  return useQuery({ ...healthCodeQueryOptions(patientId ?? ''), enabled: Boolean(patientId) });
}

export function useSetPin(patientId: string): UseMutationResult<void, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (pin) => apiSend(`${root(patientId)}/pin`, { method: 'PUT', body: { pin } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: healthCodeQueryKey }),
  });
}

export function useIssueStaticCode(patientId: string): UseMutationResult<StaticHealthCode, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiJson(`${root(patientId)}/static`, staticHealthCodeSchema, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: healthCodeQueryKey }),
  });
}

export function useRevokeStaticCode(patientId: string): UseMutationResult<void, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend(`${root(patientId)}/static`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: healthCodeQueryKey }),
  });
}

export const scanPurposes = ['check-in', 'pickup', 'home-visit', 'emergency'] as const;
export type ScanPurpose = (typeof scanPurposes)[number];

export const scanSchema = z.object({
  scanId: z.string(),
  purpose: z.string(),
  place: z.string(),
  facilityName: z.string(),
  facilityNameEn: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  age: z.number(),
  sex: z.string(),
  photoUrl: z.string().nullish().transform((v) => v ?? null),
  staticCode: z.boolean(),
  appointments: z.array(
    z.object({
      id: z.string(),
      start: z.string(),
      end: z.string(),
      doctorName: z.string(),
      departmentName: z.string(),
      departmentNameEn: z.string(),
      status: z.string(),
      canCheckIn: z.boolean(),
    }),
  ),
  pickups: z.array(
    z.object({
      renewalId: z.string(),
      reference: z.string(),
      medicines: z.array(z.string()),
      medicinesEn: z.array(z.string()),
      dispensedAt: z.string().nullish().transform((v) => v ?? null),
    }),
  ),
});
export type Scan = z.infer<typeof scanSchema>;

export interface ScanInput {
  code: string;
  pin?: string;
  purpose: ScanPurpose;
  place: string;
}

export function useScan(): UseMutationResult<Scan, Error, ScanInput> {
  return useMutation({ mutationFn: (input) => apiJson('/api/staff/health-code/scan', scanSchema, { method: 'POST', body: input }) });
}

const checkedInSchema = z.object({ appointmentId: z.string(), status: z.string(), checkedInAt: z.string() });

export function useCheckIn(scanId: string): UseMutationResult<z.infer<typeof checkedInSchema>, Error, string> {
  return useMutation({
    mutationFn: (appointmentId) =>
      apiJson(`/api/staff/health-code/scans/${encodeURIComponent(scanId)}/check-in`, checkedInSchema, { method: 'POST', body: { appointmentId } }),
  });
}

const handOverSchema = z.looseObject({ status: z.string() });

export function useHandOver(scanId: string): UseMutationResult<z.infer<typeof handOverSchema>, Error, string> {
  return useMutation({
    mutationFn: (renewalId) =>
      apiJson(`/api/staff/health-code/scans/${encodeURIComponent(scanId)}/hand-over/${encodeURIComponent(renewalId)}`, handOverSchema, { method: 'POST' }),
  });
}
