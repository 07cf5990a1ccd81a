import { HOSPITAL_TIME_ZONE } from '@/config/hospital';

/**
 * Parses an ISO 8601 instant. The server sends up to 7 fractional digits ("…12.3456789+00:00"), which not
 * every browser's Date parser accepts, so the fraction is cut to milliseconds first. Null if unreadable.
 */
export function parseInstant(value: string): Date | null {
  const normalized = value.replace(/(\.\d{3})\d+/, '$1');
  const date = new Date(normalized);
  return Number.isNaN(date.getTime()) ? null : date;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(language: string, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const cacheKey = `${language}|${key}`;
  let format = dateTimeFormats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(language, options);
    dateTimeFormats.set(cacheKey, format);
  }
  return format;
}

/** "Nov 28, 2025, 9:30 AM" / "2025年11月28日 09:30", in the hospital's time zone. */
export function formatDateTime(date: Date, language: string): string {
  return dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: HOSPITAL_TIME_ZONE }, 'dt').format(date);
}

/** "Nov 28, 2025" / "2025年11月28日", in the hospital's time zone. */
export function formatDate(date: Date, language: string): string {
  return dateTimeFormat(language, { dateStyle: 'medium', timeZone: HOSPITAL_TIME_ZONE }, 'd').format(date);
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "5 minutes ago" / "5分钟前", "yesterday" / "昨天" (Intl.RelativeTimeFormat); older than a week, the date.
 */
export function formatRelativeTime(date: Date, now: number, language: string): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const distance = Math.abs(seconds);
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (distance < 45) return relative.format(0, 'second');
  if (distance < 45 * MINUTE) return relative.format(Math.round(seconds / MINUTE), 'minute');
  if (distance < 22 * HOUR) return relative.format(Math.round(seconds / HOUR), 'hour');
  if (distance < 7 * DAY) return relative.format(Math.round(seconds / DAY), 'day');
  return formatDate(date, language);
}
