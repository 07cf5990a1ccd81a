import { useMe } from '@/features/accounts/api/get-me';

/** The patient record the signed-in account acts for first (its own), for patient pages keyed by patient id. */
export function useOwnPatientId(): string | undefined {
  const me = useMe();
  const patients = me.data?.patients ?? [];
  return (patients.find((p) => p.relationship === 'Self') ?? patients[0])?.id;
}
