import type { TFunction } from 'i18next';
import { useCallback, useState } from 'react';
import { isApiError } from './api-client';
import { problemMessage } from './problem-message';

/** Where server errors land: the form's field names and how to put a message on one. */
export interface ServerErrorTarget<Field extends string> {
  fields: readonly Field[];
  setFieldError: (field: Field, message: string) => void;
}

export interface ServerFormErrorOptions<Field extends string> {
  /** Problem codes that concern one field (a 409 duplicate_email belongs under the e-mail field). */
  codeFields?: Readonly<Record<string, Field>>;
  /** The banner when every field error found its field (e.g. "Correct the marked fields."). */
  fixErrorsMessage?: string;
  /** Staff acting for a patient (see problemMessage). */
  onBehalf?: boolean;
  /** The property the form's fields sit in on the server: an update that wraps them names them "team.name". */
  within?: string;
}

/** The server names fields in camelCase JSON paths ("items[0].daysSupply"); forms use the first segment. */
function formFieldOf<Field extends string>(serverField: string, fields: readonly Field[], within?: string): Field | null {
  const path = within && serverField.toLowerCase().startsWith(`${within.toLowerCase()}.`) ? serverField.slice(within.length + 1) : serverField;
  const first = path.split(/[.[]/)[0] ?? path;
  const name = first ? first[0]!.toLowerCase() + first.slice(1) : first;
  return (fields as readonly string[]).includes(name) ? (name as Field) : null;
}

/**
 * Puts a failed request's errors where the user looks: each field error (already in the user's language, since
 * requests send Accept-Language) under its field, a code that concerns one field under that field, and returns
 * what the form's banner should say (null if nothing: every error is on a field and no summary was asked for).
 */
export function applyServerErrors<Field extends string>(
  error: unknown,
  target: ServerErrorTarget<Field>,
  t: TFunction,
  options: ServerFormErrorOptions<Field> = {},
): string | null {
  if (!isApiError(error)) return problemMessage(error, t);
  const codeField = error.code ? options.codeFields?.[error.code] : undefined;
  if (codeField) {
    target.setFieldError(codeField, problemMessage(error, t, { onBehalf: options.onBehalf }));
    return null;
  }
  const unmatched: string[] = [];
  for (const [serverField, messages] of Object.entries(error.fieldErrors)) {
    const field = formFieldOf(serverField, target.fields, options.within);
    if (field) target.setFieldError(field, messages.join(' '));
    else unmatched.push(...messages);
  }
  if (Object.keys(error.fieldErrors).length > 0) {
    return unmatched.length > 0 ? unmatched.join(' ') : (options.fixErrorsMessage ?? null);
  }
  return problemMessage(error, t, { onBehalf: options.onBehalf });
}

export interface ServerFormErrors {
  /** The banner message for the last failure (null: none). */
  formError: string | null;
  setFormError: (message: string | null) => void;
  /** Give to a mutation's onError. */
  onError: (error: unknown) => void;
}

/** One way for every form to show what the server refused; see applyServerErrors. */
export function useServerFormErrors<Field extends string>(
  target: ServerErrorTarget<Field>,
  t: TFunction,
  options: ServerFormErrorOptions<Field> = {},
): ServerFormErrors {
  const [formError, setFormError] = useState<string | null>(null);
  const { fields, setFieldError } = target;
  const { codeFields, fixErrorsMessage, onBehalf, within } = options;
  const onError = useCallback(
    (error: unknown) => setFormError(applyServerErrors(error, { fields, setFieldError }, t, { codeFields, fixErrorsMessage, onBehalf, within })),
    [fields, setFieldError, t, codeFields, fixErrorsMessage, onBehalf, within],
  );
  return { formError, setFormError, onError };
}
