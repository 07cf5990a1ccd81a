import type { i18n as I18n } from 'i18next';
import type { AppNotification } from '../api/get-notifications';
import { formatDateTime, formatDay, formatMoney, parseInstant } from '@/lib/date-time';

const NAMESPACE = 'notifications';
/** "area.event" in lower case: anything else (or a kind without a text) gets the generic text. */
const KIND_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const AMOUNT_PATTERN = /^\d+(\.\d+)?$/;
const CURRENCY_PATTERN = /^[A-Z]{3}$/;
/** What a payment was for ("appointment", "prescription"): picks the text variant `<kind>_<item>` when there is one. */
const ITEM_PATTERN = /^[a-z][a-z0-9_]*$/;

function hasText(i18n: I18n, language: string, key: string): boolean {
  return typeof i18n.getResource(language, NAMESPACE, key) === 'string' || typeof i18n.getResource('en', NAMESPACE, key) === 'string';
}

/**
 * A parameter as shown to the reader: ISO date-times in the reader's language and the hospital's time
 * zone ("Dec 1, 2025, 9:30 AM" / "2025年12月1日 09:30"), ISO dates as dates, anything else as sent.
 */
export function formatParameter(value: string, language: string): string {
  if (INSTANT_PATTERN.test(value)) {
    const date = parseInstant(value);
    if (date) return formatDateTime(date, language);
  }
  if (DATE_PATTERN.test(value)) return formatDay(value, language);
  return value;
}

/**
 * The localized text of a notification: `notifications:kinds.<kind>` with its parameters interpolated.
 * A kind this version of the app does not know (or a text whose parameters did not arrive) falls back to
 * "You have a new notification", so a new server kind never breaks the UI.
 */
export function notificationText(notification: Pick<AppNotification, 'kind' | 'parameters'>, i18n: I18n): string {
  const language = i18n.resolvedLanguage ?? i18n.language;
  const t = i18n.getFixedT(language, NAMESPACE);
  const generic = t('generic');
  const key = `kinds.${notification.kind}`;
  if (!KIND_PATTERN.test(notification.kind) || !hasText(i18n, language, key)) return generic;

  const values: Record<string, string> = Object.fromEntries(
    Object.entries(notification.parameters).map(([name, value]) => [name, formatParameter(value, language)]),
  );
  // Money as everywhere else in the app ("¥40.00" / "CN¥40.00"), never "40.00 CNY" inside a sentence.
  const { amount, currency, item } = notification.parameters;
  if (amount !== undefined && currency !== undefined && AMOUNT_PATTERN.test(amount) && CURRENCY_PATTERN.test(currency)) {
    values.amount = formatMoney(Number(amount), currency, language);
  }
  const count = Number(notification.parameters.count);
  let missing = false;
  // Note: parameters go in `replace`, so a parameter named like a t() option (lng, ns, context…) stays data.
  const text = t(key, {
    replace: values,
    ...(Number.isFinite(count) && notification.parameters.count !== undefined ? { count } : {}),
    ...(item !== undefined && ITEM_PATTERN.test(item) ? { context: item } : {}),
    missingInterpolationHandler: () => {
      missing = true;
      return '';
    },
  });
  return missing || !text ? generic : text;
}
