import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { normalizeResidentId, parseResidentId, residentIdProblem } from '@/lib/resident-id';

export const idTypes = ['ResidentId', 'Passport'] as const;
export const sexes = ['Male', 'Female'] as const;

/** The register form's fields, as the API names them. */
export const registerFields = [
  'fullName',
  'idType',
  'idNumber',
  'dateOfBirth',
  'sex',
  'mobile',
  'mobileCode',
  'email',
  'password',
] as const;
export type RegisterField = (typeof registerFields)[number];

/**
 * Client-side rules (the server checks again). Messages are i18n keys, translated where they are shown,
 * so an error already on screen follows a language switch. The password length is the server's
 * (GET /api/config, passwordMinLength): the SPA keeps no copy of it.
 */
const registerObjectSchemaFor = (passwordMinLength: number) =>
  z.object({
    fullName: z
      .string()
      .trim()
      .min(1, 'accounts:validation.fullNameRequired')
      .max(100, 'accounts:validation.fullNameTooLong'),
    idType: z.enum(idTypes, 'accounts:validation.idTypeRequired'),
    idNumber: z.string().trim().min(1, 'accounts:validation.idNumberRequired'),
    dateOfBirth: z.iso.date('accounts:validation.dateOfBirthRequired'),
    sex: z.enum(sexes, 'accounts:validation.sexRequired'),
    mobile: z
      .string()
      .trim()
      .min(1, 'accounts:validation.mobileRequired')
      .regex(/^\+?\d[\d\s-]{5,19}$/, 'accounts:validation.mobileFormat'),
    // Note: the number is proven with a code sent to it (POST /api/account/register/mobile-code) before the account exists.
    mobileCode: z
      .string()
      .transform((value) => value.replace(/\s+/g, ''))
      .pipe(z.string().regex(/^\d{6}$/, 'accounts:validation.mobileCodeRequired')),
    email: z
      .string()
      .trim()
      .min(1, 'accounts:validation.emailRequired')
      .pipe(z.email('accounts:validation.emailFormat')),
    password: z.string().min(passwordMinLength, 'accounts:validation.passwordTooShort'),
  });

// Note: the cross-field rules below pick fields other than the password, so any length serves for them.
const registerObjectSchema = registerObjectSchemaFor(1);

type RegisterObject = z.infer<typeof registerObjectSchema>;
type FieldMask = Partial<Record<keyof RegisterObject, true>>;

/**
 * Cross-field rules run as soon as the fields they read are valid, even while other fields are still
 * empty (zod skips object refinements otherwise), so the ID checksum shows on blur, not only on submit.
 */
function whenValid(fields: FieldMask): { when: (payload: { value: unknown }) => boolean } {
  const subset = registerObjectSchema.pick(fields);
  return { when: (payload) => subset.safeParse(payload.value).success };
}

function residentIdOf(values: RegisterObject): ReturnType<typeof parseResidentId> {
  return values.idType === 'ResidentId' ? parseResidentId(values.idNumber) : null;
}

/** Domain rule 4: a child under 6 is seen online with a guardian, whose account acts for them (the server checks too). */
export const YOUNGEST_OWN_ACCOUNT_AGE = 6;

/** Today in the user's time zone, as YYYY-MM-DD. */
export function todayIso(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/**
 * Client-side rules (the server checks again). Messages are i18n keys, translated where they are shown,
 * so an error already on screen follows a language switch.
 */
/** The same day `years` years ago, as YYYY-MM-DD (compared as text, like the dates it is compared with). */
function yearsBeforeToday(years: number): string {
  const today = todayIso();
  return `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4)}`;
}

/** The register form's rules with the server's minimum password length. */
export function registerInputSchema(passwordMinLength: number) {
  return registerObjectSchemaFor(passwordMinLength)
    .refine((values) => values.idType !== 'ResidentId' || residentIdProblem(values.idNumber) === null, {
      path: ['idNumber'],
      error: (issue) =>
        `accounts:validation.residentId.${residentIdProblem((issue.input as RegisterObject).idNumber) ?? 'format'}`,
      ...whenValid({ idType: true, idNumber: true }),
    })
    .refine((values) => values.dateOfBirth <= todayIso(), {
      path: ['dateOfBirth'],
      error: 'accounts:validation.dateOfBirthFuture',
      ...whenValid({ dateOfBirth: true }),
    })
    .refine((values) => values.dateOfBirth > todayIso() || values.dateOfBirth <= yearsBeforeToday(YOUNGEST_OWN_ACCOUNT_AGE), {
      path: ['dateOfBirth'],
      error: 'accounts:validation.childNeedsGuardian',
      ...whenValid({ dateOfBirth: true }),
    })
    .refine((values) => residentIdOf(values)?.dateOfBirth === undefined || residentIdOf(values)?.dateOfBirth === values.dateOfBirth, {
      path: ['dateOfBirth'],
      error: 'accounts:validation.dateOfBirthMismatch',
      ...whenValid({ idType: true, idNumber: true, dateOfBirth: true }),
    })
    .refine((values) => residentIdOf(values)?.sex === undefined || residentIdOf(values)?.sex === values.sex, {
      path: ['sex'],
      error: 'accounts:validation.sexMismatch',
      ...whenValid({ idType: true, idNumber: true, sex: true }),
    });
}

export type RegisterInput = z.infer<ReturnType<typeof registerInputSchema>>;

export const registerResultSchema = z.object({ accountId: z.string(), patientId: z.string() });
export type RegisterResult = z.infer<typeof registerResultSchema>;

/** Creates a patient account. 400 field errors; 409 duplicate_email / duplicate_id_number. */
export function register(input: RegisterInput): Promise<RegisterResult> {
  const body: RegisterInput = {
    ...input,
    fullName: input.fullName.trim(),
    idNumber: input.idType === 'ResidentId' ? normalizeResidentId(input.idNumber) : input.idNumber.trim(),
    mobile: input.mobile.replace(/[\s-]/g, ''),
    email: input.email.trim(),
  };
  return apiJson('/api/account/register', registerResultSchema, { method: 'POST', body, auth: false });
}

export function useRegister(): UseMutationResult<RegisterResult, Error, RegisterInput> {
  return useMutation({ mutationFn: register });
}
