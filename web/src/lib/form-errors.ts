import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';

/**
 * Form errors are stored as i18n keys ("accounts:validation.emailRequired") when they come from client-side
 * rules, or as plain text when the server sent them; translate the former, show the latter as they are.
 */
export function translateFormError(error: ReactNode, t: TFunction): ReactNode {
  if (typeof error !== 'string' || !error) return error;
  return t(error, { defaultValue: error });
}
