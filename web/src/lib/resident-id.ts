/**
 * Mainland China resident identity card numbers (GB 11643-1999): 6-digit area code, 8-digit birth date
 * (YYYYMMDD), 3-digit sequence (odd = male, even = female) and an ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const PATTERN = /^\d{17}[\dX]$/;

export type ResidentIdProblem = 'format' | 'checksum' | 'birthDate';

export interface ResidentIdDetails {
  /** YYYY-MM-DD */
  dateOfBirth: string;
  sex: 'Male' | 'Female';
}

export function normalizeResidentId(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function birthDateOf(id: string): string | null {
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid =
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getTime() <= Date.now();
  return valid ? `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` : null;
}

/** Why an 18-character resident ID is not valid, or null when it is. */
export function residentIdProblem(value: string): ResidentIdProblem | null {
  const id = normalizeResidentId(value);
  if (!PATTERN.test(id)) return 'format';
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return 'checksum';
  if (!birthDateOf(id)) return 'birthDate';
  return null;
}

/** Date of birth and sex encoded in a valid resident ID, or null. */
export function parseResidentId(value: string): ResidentIdDetails | null {
  const id = normalizeResidentId(value);
  if (residentIdProblem(id) !== null) return null;
  const dateOfBirth = birthDateOf(id)!;
  const sex = Number(id[16]) % 2 === 1 ? 'Male' : 'Female';
  return { dateOfBirth, sex };
}
