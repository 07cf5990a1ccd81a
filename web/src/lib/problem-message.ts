import type { TFunction } from 'i18next';
import { isApiError } from './api-client';

/**
 * A user-facing message for a failed request: a localized message for a known problem `code`
 * (looked up as `errors:codes.<code>`), else the server's detail/title, else a generic message.
 * `onBehalf`: staff acting for a patient; codes worded to the patient ("you already have…") are
 * looked up first under `errors:onBehalfCodes.<code>`.
 */
export function problemMessage(error: unknown, t: TFunction, options: { onBehalf?: boolean } = {}): string {
  if (isApiError(error)) {
    const code = error.code;
    if (code) {
      const keys = options.onBehalf ? [`errors:onBehalfCodes.${code}`, `errors:codes.${code}`] : [`errors:codes.${code}`];
      for (const key of keys) {
        const localized = t(key, { defaultValue: '' });
        if (localized) return localized;
      }
    }
    if (error.status === 429) {
      return error.retryAfterSeconds
        ? t('errors:rateLimitedRetry', { count: error.retryAfterSeconds })
        : t('errors:rateLimited');
    }
    return error.problem.detail ?? error.problem.title ?? t('errors:generic');
  }
  if (error instanceof TypeError) return t('errors:network');
  return t('errors:generic');
}
