import { setActingFor, useActingForId } from '@/lib/acting-for';
import { useMe, type AccessScope, type ActingPatient } from '../api/get-me';

export interface ActingFor {
  /** The person the pages act for: the one chosen in this tab, else the account's own record. */
  patient: ActingPatient | undefined;
  /** Everyone the account may act for (its own record first). */
  patients: ActingPatient[];
  isPending: boolean;
  select: (patientId: string) => void;
}

export function isOwnRecord(patient: ActingPatient): boolean {
  return patient.relationship === 'Self';
}

export function hasScope(patient: ActingPatient | undefined, scope: AccessScope): boolean {
  return patient !== undefined && patient.scopes.includes(scope);
}

/**
 * The selected person (issue 15): every patient page reads its patient id here.
 * Note: a choice that is no longer among the account's people (access revoked, ended at 18, another account
 * signed in in this tab) falls back to the account's own record rather than to nobody or to a stale id.
 */
export function useActingPatient(): ActingFor {
  const me = useMe();
  const chosen = useActingForId();
  const patients = [...(me.data?.patients ?? [])].sort((a, b) => Number(isOwnRecord(b)) - Number(isOwnRecord(a)));
  const own = patients.find(isOwnRecord) ?? patients[0];
  const patient = patients.find((p) => p.id === chosen) ?? own;
  return { patient, patients, isPending: me.isPending, select: setActingFor };
}
