import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const referralsQueryKey = ['referrals'] as const;

export const referralStatuses = ['Created', 'Accepted', 'AppointmentProposed', 'Booked', 'Declined', 'Cancelled', 'Completed'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

const namePairSchema = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });
export type NamePair = z.infer<typeof namePairSchema>;

export const referralSlotSchema = z.object({ slotId: z.string(), start: z.string(), end: z.string(), doctorId: z.string(), doctorName: z.string() });
export type ReferralSlot = z.infer<typeof referralSlotSchema>;

export const referralSchema = z.object({
  id: z.string(),
  direction: z.enum(['Up', 'Down']),
  urgency: z.enum(['Routine', 'Urgent']),
  status: z.enum(referralStatuses),
  patientId: z.string(),
  patientName: z.string(),
  fromDoctorName: z.string(),
  fromFacility: namePairSchema,
  toFacility: namePairSchema,
  toDepartment: namePairSchema.nullable(),
  toTeam: namePairSchema.nullable(),
  reason: z.string(),
  clinicalQuestion: z.string(),
  declineReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  proposedSlot: referralSlotSchema.nullable(),
  appointmentId: z.string().nullable(),
  attachments: z.array(z.object({ kind: z.enum(['LabReport', 'File', 'Imaging']), itemId: z.string(), title: z.string() })),
  medicines: z.array(z.object({ line: z.object({ drugName: z.string(), drugNameEn: z.string(), strength: z.string(), doseAmount: z.number(), doseUnit: z.string(), frequency: z.string() }), days: z.number() })),
  tasks: z.array(z.object({ templateCode: z.string(), title: z.string(), titleEn: z.string(), dueOn: z.string(), followUpPlanId: z.string().nullable() })),
  timeline: z.array(z.object({ status: z.enum(referralStatuses), at: z.string(), note: z.string().nullable() })),
  canDecide: z.boolean(),
  canCancel: z.boolean(),
});
export type Referral = z.infer<typeof referralSchema>;

export const referralDetailSchema = z.object({ referral: referralSchema, reservedSlots: z.array(referralSlotSchema) });
export type ReferralDetail = z.infer<typeof referralDetailSchema>;

/** A name in the reader's language. */
export function localName(pair: { name: string; nameEn: string } | null | undefined, language: string): string {
  if (!pair) return '';
  return language.startsWith('en') ? pair.nameEn || pair.name : pair.name;
}

// --- the patient's side -------------------------------------------------------------------------------------------

export function useMyReferrals(patientId: string | undefined): UseQueryResult<Referral[]> {
  return useQuery({
    queryKey: [...referralsQueryKey, 'mine', patientId],
    queryFn: () => apiJson(`/api/patients/${encodeURIComponent(patientId!)}/referrals`, z.array(referralSchema)),
    enabled: Boolean(patientId),
  });
}

export function useMyReferral(patientId: string | undefined, referralId: string | undefined): UseQueryResult<ReferralDetail> {
  return useQuery({
    queryKey: [...referralsQueryKey, 'mine', patientId, referralId],
    queryFn: () => apiJson(`/api/patients/${encodeURIComponent(patientId!)}/referrals/${encodeURIComponent(referralId!)}`, referralDetailSchema),
    enabled: Boolean(patientId && referralId),
  });
}

/** One tap: books the proposed time (or another reserved time of the department). 409 slot_taken if someone was faster. */
export function useBookReferral(patientId: string): UseMutationResult<Referral, Error, { referralId: string; slotId?: string }> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ referralId, slotId }) =>
      apiJson(`/api/patients/${encodeURIComponent(patientId)}/referrals/${encodeURIComponent(referralId)}/book`, referralSchema, { method: 'POST', body: { slotId } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: referralsQueryKey }),
  });
}

// --- the doctors' side --------------------------------------------------------------------------------------------

export function useReferrals(box: 'Incoming' | 'Outgoing'): UseQueryResult<Referral[]> {
  return useQuery({ queryKey: [...referralsQueryKey, 'box', box], queryFn: () => apiJson(`/api/referrals?box=${box}`, z.array(referralSchema)) });
}

export function useReferral(referralId: string | undefined): UseQueryResult<ReferralDetail> {
  return useQuery({
    queryKey: [...referralsQueryKey, 'one', referralId],
    queryFn: () => apiJson(`/api/referrals/${encodeURIComponent(referralId!)}`, referralDetailSchema),
    enabled: Boolean(referralId),
  });
}

const targetSchema = z.object({ id: z.string(), name: z.string(), nameEn: z.string(), facilityName: z.string(), facilityNameEn: z.string() });
export type ReferralTarget = z.infer<typeof targetSchema>;
const targetsSchema = z.object({ myFacilityKind: z.enum(['Hospital', 'CommunityHealthCentre']), departments: z.array(targetSchema), teams: z.array(targetSchema) });

export function useReferralTargets(): UseQueryResult<z.infer<typeof targetsSchema>> {
  return useQuery({ queryKey: [...referralsQueryKey, 'targets'], queryFn: () => apiJson('/api/referrals/targets', targetsSchema) });
}

const reportSchema = z.object({ id: z.string(), name: z.string(), issuedAt: z.string() });

export function useReferableReports(patientId: string | null): UseQueryResult<z.infer<typeof reportSchema>[]> {
  return useQuery({
    queryKey: [...referralsQueryKey, 'reports', patientId],
    queryFn: () => apiJson(`/api/referrals/patients/${encodeURIComponent(patientId!)}/lab-reports`, z.array(reportSchema)),
    enabled: Boolean(patientId),
  });
}

export interface ReferUpBody {
  patientId: string;
  departmentId: string;
  urgency: 'Routine' | 'Urgent';
  reason: string;
  clinicalQuestion: string;
  labReportIds: string[];
}

export function useReferUp(): UseMutationResult<Referral, Error, ReferUpBody> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body) => apiJson('/api/referrals/up', referralSchema, { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: referralsQueryKey }),
  });
}

export interface ReferDownBody {
  patientId: string;
  teamId: string;
  reason: string;
  carePlan: string;
  /** Catalogue code, dose in the catalogue's unit, frequency code (qd, bid, ...), route and days (1-84). */
  medicines: { drugCode: string; doseAmount: number; frequency: string; route: string; days: number }[];
  tasks: { templateCode: string; dueOn: string }[];
}

export function useReferDown(): UseMutationResult<Referral, Error, ReferDownBody> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body) => apiJson('/api/referrals/down', referralSchema, { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: referralsQueryKey }),
  });
}

type Decision = { action: 'accept'; slotId?: string } | { action: 'propose'; slotId: string } | { action: 'decline'; reason: string } | { action: 'cancel' } | { action: 'complete' };

/** Accept (with a reserved time), propose another time, decline with a reason, withdraw, complete. 409 referral_wrong_state. */
export function useDecideReferral(referralId: string): UseMutationResult<Referral, Error, Decision> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }) =>
      apiJson(`/api/referrals/${encodeURIComponent(referralId)}/${action}`, referralSchema, { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: referralsQueryKey }),
  });
}

// --- the admin's side ---------------------------------------------------------------------------------------------

const departmentSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), nameEn: z.string(), acceptsReferrals: z.boolean(), releaseHoursBefore: z.number(), reservedSlots: z.number() });
export type ReferralDepartment = z.infer<typeof departmentSchema>;
const departmentSlotSchema = z.object({ slotId: z.string(), start: z.string(), end: z.string(), doctorName: z.string(), reserved: z.boolean(), heldUntil: z.string().nullable() });

export function useReferralDepartments(): UseQueryResult<ReferralDepartment[]> {
  return useQuery({ queryKey: [...referralsQueryKey, 'admin'], queryFn: () => apiJson('/api/admin/referrals/departments', z.array(departmentSchema)) });
}

export function useDepartmentSlots(departmentId: string | null): UseQueryResult<z.infer<typeof departmentSlotSchema>[]> {
  return useQuery({
    queryKey: [...referralsQueryKey, 'admin', departmentId],
    queryFn: () => apiJson(`/api/admin/referrals/departments/${encodeURIComponent(departmentId!)}/slots`, z.array(departmentSlotSchema)),
    enabled: Boolean(departmentId),
  });
}

export function useSetDepartmentReferrals(): UseMutationResult<ReferralDepartment, Error, { id: string; acceptsReferrals: boolean; releaseHoursBefore: number }> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }) => apiJson(`/api/admin/referrals/departments/${encodeURIComponent(id)}`, departmentSchema, { method: 'PUT', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: referralsQueryKey }),
  });
}

export function useReserveSlots(departmentId: string): UseMutationResult<{ changed: number }, Error, { slotIds: string[]; reserved: boolean }> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body) => apiJson(`/api/admin/referrals/departments/${encodeURIComponent(departmentId)}/slots`, z.object({ changed: z.number() }), { method: 'PUT', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: referralsQueryKey }),
  });
}
