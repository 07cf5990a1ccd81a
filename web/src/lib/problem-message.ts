import type { TFunction } from 'i18next';
import { isApiError } from './api-client';

/** The generic code of a status, as the server's ProblemCodes.ForStatus names it (for problems without a code). */
export function genericCodeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 422:
      return 'rule_violated';
    case 429:
      return 'rate_limited';
    case 503:
      return 'service_unavailable';
    default:
      return status >= 500 ? 'server_error' : 'bad_request';
  }
}

/** A translated field error code (`errors:fieldCodes.<code>`), or '' if this side has no text for it. */
export function fieldCodeMessage(code: string, t: TFunction): string {
  return t(`errors:fieldCodes.${code}`, { defaultValue: '' });
}

/**
 * A user-facing message for a failed request, most precise first: the localized text of the problem's `code`
 * (`errors:codes.<code>`); for a validation problem, its field codes (`errors:fieldCodes.<code>`), then the
 * field messages (the server words them in the language the request asked for); then the generic text of the
 * status; a network failure or anything else gets its own generic message.
 * `onBehalf`: staff acting for a patient; codes worded to the patient ("you already have…") are
 * looked up first under `errors:onBehalfCodes.<code>`.
 */
export function problemMessage(error: unknown, t: TFunction, options: { onBehalf?: boolean } = {}): string {
  if (isApiError(error)) {
    if (error.status === 429) {
      return error.retryAfterSeconds
        ? t('errors:rateLimitedRetry', { count: error.retryAfterSeconds })
        : t('errors:rateLimited');
    }
    const code = error.code;
    if (code && code !== 'validation_failed') {
      const keys = options.onBehalf ? [`errors:onBehalfCodes.${code}`, `errors:codes.${code}`] : [`errors:codes.${code}`];
      for (const key of keys) {
        const localized = t(key, { defaultValue: '' });
        if (localized) return localized;
      }
    }
    for (const codes of Object.values(error.fieldCodes)) {
      for (const fieldCode of codes) {
        const localized = fieldCodeMessage(fieldCode, t);
        if (localized) return localized;
      }
    }
    const fieldMessage = Object.values(error.fieldErrors).flat()[0];
    if (fieldMessage) return fieldMessage;
    const generic = t(`errors:codes.${code ?? genericCodeForStatus(error.status)}`, { defaultValue: '' });
    if (generic) return generic;
    return error.problem.detail ?? error.problem.title ?? t('errors:generic');
  }
  if (error instanceof TypeError) return t('errors:network');
  return t('errors:generic');
}
