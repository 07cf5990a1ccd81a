import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { familyQueryKey } from '../lib/query-keys';
import { contractSchema } from './get-my-contracts';
import { measurementHistorySchema } from './get-measurements';
import { riskLevels } from './get-panel';

/** What every HIS section carries besides its items: whether the HIS answered, and as of when. */
const hisSectionFields = {
  state: z.enum(['Available', 'NotLinked', 'Unavailable']),
  asOf: z.string().nullable(),
  isStale: z.boolean(),
};

export const followUpTaskSchema = z.object({
  id: z.string(),
  planId: z.string(),
  title: z.string(),
  titleEn: z.string(),
  dueOn: z.string(),
  status: z.enum(['Due', 'Completed', 'Booked', 'Cancelled']),
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  note: z.string().nullable(),
  appointmentId: z.string().nullable(),
  appointmentStartsAt: z.string().nullable(),
});
export type FollowUpTask = z.infer<typeof followUpTaskSchema>;

export const followUpPlanSchema = z.object({
  id: z.string(),
  templateCode: z.string(),
  title: z.string(),
  titleEn: z.string(),
  intervalMonths: z.number().int(),
  startedAt: z.string(),
  stoppedAt: z.string().nullable(),
  tasks: z.array(followUpTaskSchema),
});
export type FollowUpPlan = z.infer<typeof followUpPlanSchema>;

export const patientSummarySchema = z.object({
  patient: z.object({
    id: z.string(),
    name: z.string(),
    sex: z.enum(['Male', 'Female']),
    dateOfBirth: z.string(),
    age: z.number().int(),
    maskedIdNumber: z.string(),
    maskedMobile: z.string(),
    linkedToHis: z.boolean(),
  }),
  risk: z.enum(riskLevels),
  conditions: z.array(z.string()),
  pendingRenewalRequests: z.number().int(),
  diagnoses: z.object({ ...hisSectionFields, items: z.array(z.object({ icd10Code: z.string(), description: z.string(), diagnosedOn: z.string(), inPerson: z.boolean(), departmentCode: z.string().nullable(), practitioner: z.string().nullable() })) }),
  allergies: z.object({ ...hisSectionFields, items: z.array(z.object({ substance: z.string(), reaction: z.string(), severity: z.string(), recordedOn: z.string().nullable() })) }),
  medications: z.object({ ...hisSectionFields, items: z.array(z.object({
      drugCode: z.string(),
      drugName: z.string(),
      strength: z.string(),
      dose: z.string(),
      frequency: z.string(),
      route: z.string(),
      prescriber: z.string().nullable(),
      startedOn: z.string(),
      lastDispensedOn: z.string().nullable(),
      daysSupply: z.number().nullable(),
      active: z.boolean(),
    })) }),
  encounters: z.object({ ...hisSectionFields, items: z.array(z.object({ encounterId: z.string(), start: z.string(), kind: z.string(), departmentCode: z.string().nullable(), practitioner: z.string().nullable(), summary: z.string().nullable() })) }),
  readings: measurementHistorySchema,
  openAlerts: z.array(z.object({ id: z.string(), measurementId: z.string(), raisedAt: z.string() })),
  followUpPlans: z.array(followUpPlanSchema),
  contract: contractSchema,
  pastContracts: z.array(contractSchema),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

export function patientSummaryQueryKey(patientId: string): readonly unknown[] {
  return [...familyQueryKey, 'summary', patientId];
}

/** A signed patient's summary for their team (404 for anyone else). Every read is audit-logged. */
export function getPatientSummary(patientId: string): Promise<PatientSummary> {
  return apiJson(`/api/family/panel/patients/${encodeURIComponent(patientId)}`, patientSummarySchema);
}

export function usePatientSummary(patientId: string): UseQueryResult<PatientSummary> {
  return useQuery({ queryKey: patientSummaryQueryKey(patientId), queryFn: () => getPatientSummary(patientId) });
}
