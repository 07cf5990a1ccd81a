import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { startFeePayment, type StartedFee } from '@/lib/payments';

export const consultationsQueryKey = ['consultations'] as const;

export const consultationStatuses = ['Requested', 'Scheduled', 'InProgress', 'OpinionSigned', 'Declined', 'Cancelled'] as const;
export type ConsultationStatus = (typeof consultationStatuses)[number];

export const dispositions = ['ContinueLocalCare', 'AdjustTreatment', 'FurtherTests', 'ReferUp', 'AdmitUrgently'] as const;
export type Disposition = (typeof dispositions)[number];

const placeSchema = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });

const summarySchema = z.object({
  source: z.string(),
  asOf: z.string().nullable(),
  problems: z.array(z.object({ code: z.string(), description: z.string(), since: z.string() })),
  medicines: z.array(z.object({ name: z.string(), strength: z.string(), dose: z.string(), frequency: z.string(), route: z.string() })),
  allergies: z.array(z.object({ substance: z.string(), reaction: z.string(), severity: z.string() })),
});
export type RecordSummary = z.infer<typeof summarySchema>;

export const consultationSchema = z.object({
  id: z.string(),
  mode: z.enum(['Video', 'Written']),
  urgency: z.enum(['Routine', 'Urgent']),
  status: z.enum(consultationStatuses),
  patientId: z.string(),
  patientName: z.string(),
  requestingDoctor: z.object({ doctorId: z.string(), name: z.string() }),
  fromFacility: placeSchema,
  toFacility: placeSchema,
  toDepartment: placeSchema.nullable(),
  specialists: z.array(z.object({ doctorId: z.string(), name: z.string(), title: z.string(), titleEn: z.string(), isLead: z.boolean() })),
  question: z.string(),
  recordSummary: summarySchema.nullable(),
  consent: z.object({ method: z.enum(['InApp', 'Paper']), givenBy: z.string(), givenAt: z.string() }),
  attachments: z.array(z.object({ kind: z.enum(['LabReport', 'Imaging', 'File']), reference: z.string(), title: z.string() })),
  fee: z.number(),
  feePaid: z.boolean(),
  scheduledStart: z.string().nullable(),
  patientInvited: z.boolean(),
  declineReason: z.string().nullable(),
  opinion: z
    .object({
      text: z.string(),
      disposition: z.enum(dispositions),
      suggestedTests: z.string().nullable(),
      suggestedMedication: z.string().nullable(),
      followUpInDays: z.number().nullable(),
      signedByName: z.string(),
      signedAt: z.string(),
      contentHash: z.string(),
      verified: z.boolean(),
    })
    .nullable(),
  addenda: z.array(z.object({ sequence: z.number(), text: z.string(), authorName: z.string(), at: z.string(), contentHash: z.string() })),
  timeline: z.array(z.object({ sequence: z.number(), status: z.enum(consultationStatuses), at: z.string(), note: z.string().nullable() })),
  createdAt: z.string(),
  roomId: z.string().nullable(),
  canDecide: z.boolean(),
  canSign: z.boolean(),
  canCancel: z.boolean(),
  canAmend: z.boolean(),
});
export type Consultation = z.infer<typeof consultationSchema>;

/** A name in the reader's language. */
export function localName(pair: { name: string; nameEn: string } | null | undefined, language: string): string {
  if (!pair) return '';
  return language.startsWith('en') ? pair.nameEn || pair.name : pair.name;
}

// --- the patient's side -------------------------------------------------------------------------------------------

const consentGrantSchema = z.object({ id: z.string(), givenBy: z.string(), givenAt: z.string(), validUntil: z.string() });
const myConsultationsSchema = z.object({ consultations: z.array(consultationSchema), pendingConsent: consentGrantSchema.nullable() });
export type MyConsultations = z.infer<typeof myConsultationsSchema>;

export function useMyConsultations(patientId: string | undefined): UseQueryResult<MyConsultations> {
  return useQuery({
    queryKey: [...consultationsQueryKey, 'mine', patientId],
    queryFn: () => apiJson(`/api/patients/${encodeURIComponent(patientId!)}/consultations`, myConsultationsSchema),
    enabled: Boolean(patientId),
  });
}

/** The patient (or proxy) consents in the app; the doctor's next request uses it. */
export function useGiveConsent(patientId: string): UseMutationResult<z.infer<typeof consentGrantSchema>, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiJson(`/api/patients/${encodeURIComponent(patientId)}/consultations/consent`, consentGrantSchema, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: consultationsQueryKey }),
  });
}

/**
 * Pays the fee of an institution pair that charges one: starts (or resumes) the payment; the simulated gateway
 * completes it at once, a real provider (WeChat Pay, Alipay) is then chosen by the payer on the page (PaymentMethods).
 */
export function usePayConsultation(patientId: string): UseMutationResult<StartedFee, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (consultationId) =>
      startFeePayment(queryClient, () =>
        apiJson(`/api/patients/${encodeURIComponent(patientId)}/consultations/${encodeURIComponent(consultationId)}/payment`, z.object({ paymentId: z.string(), amount: z.number() }), { method: 'POST' }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: consultationsQueryKey }),
  });
}

// --- the doctors' side --------------------------------------------------------------------------------------------

export function useConsultations(box: 'Incoming' | 'Outgoing'): UseQueryResult<Consultation[]> {
  return useQuery({ queryKey: [...consultationsQueryKey, 'box', box], queryFn: () => apiJson(`/api/consultations?box=${box}`, z.array(consultationSchema)) });
}

const targetsSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string(),
    departments: z.array(
      z.object({ id: z.string(), name: z.string(), nameEn: z.string(), doctors: z.array(z.object({ id: z.string(), name: z.string(), title: z.string(), titleEn: z.string() })) }),
    ),
  }),
);
export type ConsultationTargets = z.infer<typeof targetsSchema>;

export function useConsultationTargets(): UseQueryResult<ConsultationTargets> {
  return useQuery({ queryKey: [...consultationsQueryKey, 'targets'], queryFn: () => apiJson('/api/consultations/targets', targetsSchema) });
}

export interface RequestConsultationBody {
  patientId: string;
  mode: 'Video' | 'Written';
  urgency: 'Routine' | 'Urgent';
  question: string;
  departmentId: string | null;
  specialistDoctorIds: string[];
  consent: { method: 'InApp' | 'Paper'; givenBy?: string };
  labReportIds: string[];
  studyInstanceUids: string[];
  fileIds: string[];
}

/** 422 consultation_consent_required without the patient's consent. */
export function useRequestConsultation(): UseMutationResult<Consultation, Error, RequestConsultationBody> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body) => apiJson('/api/consultations', consultationSchema, { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: consultationsQueryKey }),
  });
}

const storedFileSchema = z.object({ id: z.string(), fileName: z.string() }).passthrough();

/** Uploads a document (image or PDF) of the patient to attach to the request. */
export function useUploadConsultationFile(): UseMutationResult<z.infer<typeof storedFileSchema>, Error, { patientId: string; file: File }> {
  return useMutation({
    mutationFn: ({ patientId, file }) => {
      const form = new FormData();
      form.append('file', file);
      return apiJson(`/api/consultations/files?patientId=${encodeURIComponent(patientId)}`, storedFileSchema, { method: 'POST', form });
    },
  });
}

export type ConsultationDecision =
  | { action: 'schedule'; start: string; invitePatient: boolean }
  | { action: 'decline'; reason: string }
  | { action: 'cancel' }
  | { action: 'start' }
  | { action: 'opinion'; text: string; disposition: Disposition; suggestedTests?: string; suggestedMedication?: string; followUpInDays?: number }
  | { action: 'addenda'; text: string };

/** Schedule, decline, withdraw, open the video room, sign the opinion, add an addendum. 409 consultation_wrong_state. */
export function useDecideConsultation(consultationId: string): UseMutationResult<Consultation, Error, ConsultationDecision> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }) =>
      apiJson(`/api/consultations/${encodeURIComponent(consultationId)}/${action}`, consultationSchema, { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: consultationsQueryKey }),
  });
}
