import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';

/**
 * Form errors are stored as i18n keys ("accounts:validation.emailRequired") when they come from client-side
 * rules, or as plain text when the server sent them; translate the former, show the latter as they are.
 */
export function translateFormError(error: ReactNode, t: TFunction, values: Record<string, unknown> = {}): ReactNode {
  if (typeof error !== 'string' || !error) return error;
  // Note: `values` fills a rule's placeholders (the server's minimum password length as {{count}}).
  return t(error, { ...values, defaultValue: error });
}
