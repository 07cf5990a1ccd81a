import { formatDate } from '@/lib/date-time';

// Note: the instant parsing and hospital-zone formats are shared (lib/date-time); notifications add relative times.
export { formatDate, formatDateTime, parseInstant } from '@/lib/date-time';

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
