import type { TFunction } from 'i18next';
import { isApiError } from './api-client';

/**
 * A user-facing message for a failed request: a localized message for a known problem `code`
 * (looked up as `errors:codes.<code>`), else the server's detail/title, else a generic message.
 */
export function problemMessage(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    const code = error.code;
    if (code) {
      const key = `errors:codes.${code}`;
      const localized = t(key, { defaultValue: '' });
      if (localized) return localized;
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
