import { normalizeResidentId, parseResidentId, residentIdProblem } from '@/lib/resident-id';
import type { AddMemberInput } from '../api/add-member';
import type { Relation, Scope } from '../api/schemas';

/** A person under this age is a child the account's holder is guardian of; from it, an adult who must consent. */
export const ADULT_AGE = 18;

export interface MemberFormValues {
  relation: Relation;
  idType: 'resident' | 'passport';
  idNumber: string;
  fullName: string;
  dateOfBirth: string;
  sex: '' | 'Male' | 'Female';
  email: string;
  phone: string;
  scopes: Scope[];
  accessEndsOn: string;
}

export type MemberField = keyof MemberFormValues;
export const memberFields: readonly MemberField[] = ['relation', 'idType', 'idNumber', 'fullName', 'dateOfBirth', 'sex', 'email', 'phone', 'scopes', 'accessEndsOn'];

/** Whole years between a YYYY-MM-DD birth date and `today` (YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** An adult is invited and must consent; a child is the account's at once. */
export function isAdultMember(values: Pick<MemberFormValues, 'relation' | 'dateOfBirth'>, today: string): boolean {
  if (values.relation === 'child') return false;
  if (values.relation === 'parent' || values.relation === 'spouse') return true;
  return /^\d{4}-\d{2}-\d{2}$/.test(values.dateOfBirth) ? ageOn(values.dateOfBirth, today) >= ADULT_AGE : true;
}

const PASSPORT = /^[A-Za-z0-9]{5,20}$/;
const PHONE = /^(1[3-9]\d{9}|\+\d{7,15})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The same rules as the server (AddFamilyMember's validator; RegisterPatient's for the identity), so most mistakes show
 * on the field before a round trip. Values are i18n keys in the familyMembers namespace.
 */
export function validateMember(values: MemberFormValues, today: string): Partial<Record<MemberField, string>> {
  const errors: Partial<Record<MemberField, string>> = {};
  const name = values.fullName.trim();
  if (!name) errors.fullName = 'validation.fullNameRequired';
  else if (name.length > 100) errors.fullName = 'validation.fullNameTooLong';

  const id = values.idType === 'resident' ? normalizeResidentId(values.idNumber) : values.idNumber.trim();
  if (!id) errors.idNumber = 'validation.idNumberRequired';
  else if (values.idType === 'resident') {
    const problem = residentIdProblem(id);
    if (problem) errors.idNumber = `validation.residentId.${problem}`;
  } else if (!PASSPORT.test(id)) errors.idNumber = 'validation.passportFormat';

  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(values.dateOfBirth);
  if (!validDate) errors.dateOfBirth = 'validation.dateOfBirthRequired';
  else if (values.dateOfBirth > today || values.dateOfBirth < '1900-01-01') errors.dateOfBirth = 'validation.dateOfBirthInvalid';
  if (!values.sex) errors.sex = 'validation.sexRequired';

  const fromId = values.idType === 'resident' ? parseResidentId(id) : null;
  if (fromId && validDate && !errors.dateOfBirth && fromId.dateOfBirth !== values.dateOfBirth) errors.dateOfBirth = 'validation.dateOfBirthMismatch';
  if (fromId && values.sex && fromId.sex !== values.sex) errors.sex = 'validation.sexMismatch';

  if (validDate && !errors.dateOfBirth) {
    const age = ageOn(values.dateOfBirth, today);
    if (values.relation === 'child' && age >= ADULT_AGE) errors.relation = 'validation.childIsAdult';
    if ((values.relation === 'parent' || values.relation === 'spouse') && age < ADULT_AGE) errors.relation = 'validation.mustBeAdult';
  }

  if (isAdultMember(values, today)) {
    const email = values.email.trim();
    const phone = values.phone.replace(/[\s-]/g, '');
    if (!email && !phone) errors.email = 'validation.contactRequired';
    if (email && !EMAIL.test(email)) errors.email = 'validation.emailFormat';
    if (phone && !PHONE.test(phone)) errors.phone = 'validation.phoneFormat';
    if (values.scopes.length === 0) errors.scopes = 'validation.scopesRequired';
    if (values.accessEndsOn && values.accessEndsOn <= today) errors.accessEndsOn = 'validation.endsOnInPast';
  }
  return errors;
}

/** The request for valid values (blank optional fields left out; an adult's wishes only for an adult). */
export function toAddMemberInput(values: MemberFormValues, today: string): AddMemberInput {
  const adult = isAdultMember(values, today);
  const email = values.email.trim();
  const phone = values.phone.replace(/[\s-]/g, '');
  return {
    relation: values.relation,
    idType: values.idType,
    idNumber: values.idType === 'resident' ? normalizeResidentId(values.idNumber) : values.idNumber.trim(),
    fullName: values.fullName.trim(),
    dateOfBirth: values.dateOfBirth,
    sex: values.sex === 'Female' ? 'Female' : 'Male',
    ...(adult && email ? { email } : {}),
    ...(adult && phone ? { phone } : {}),
    ...(adult ? { scopes: values.scopes } : {}),
    ...(adult && values.accessEndsOn ? { accessEndsOn: values.accessEndsOn } : {}),
  };
}

/** Today in the user's time zone, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
