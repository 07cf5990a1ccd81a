import { hospitalTimeZone } from '@/config/hospital';

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
  const cacheKey = `${language}|${key}|${options.timeZone ?? ''}`;
  let format = dateTimeFormats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(language, options);
    dateTimeFormats.set(cacheKey, format);
  }
  return format;
}

/** "Nov 28, 2025, 9:30 AM" / "2025年11月28日 09:30", in the hospital's time zone. */
export function formatDateTime(date: Date, language: string): string {
  return dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: hospitalTimeZone() }, 'dt').format(date);
}

/** "Nov 28, 2025" / "2025年11月28日", in the hospital's time zone. */
export function formatDate(date: Date, language: string): string {
  return dateTimeFormat(language, { dateStyle: 'medium', timeZone: hospitalTimeZone() }, 'd').format(date);
}

/** The hospital zone's offset from UTC at an instant, in minutes (480 for Asia/Shanghai). */
function hospitalOffsetMinutes(instant: Date): number {
  const name =
    dateTimeFormat('en-US', { timeZone: hospitalTimeZone(), timeZoneName: 'longOffset' }, 'offset')
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * The instant a calendar day ("2025-11-28", as a date input gives it) starts in the hospital's zone, so a filter
 * "from 28 November" means midnight in the hospital, not in UTC or on the device. Null for an unreadable day.
 */
export function hospitalDayStart(day: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(utcMidnight.getTime())) return null;
  // Note: the offset at UTC midnight is the offset at local midnight except within hours of a DST change.
  return new Date(utcMidnight.getTime() - hospitalOffsetMinutes(utcMidnight) * 60_000);
}

/** The last millisecond of a calendar day in the hospital's zone (an inclusive "until" filter). */
export function hospitalDayEnd(day: string): Date | null {
  const start = hospitalDayStart(day);
  if (!start) return null;
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return new Date((hospitalDayStart(next) ?? start).getTime() - 1);
}

/** A calendar day without a time ("1965-03-12", a date of birth) as "Mar 12, 1965" / "1965年3月12日"; unchanged if unreadable. */
export function formatCalendarDay(day: string, language: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const date = new Date(`${day}T00:00:00Z`);
  // Note: formatted in UTC, where this instant is that very day, whatever the hospital's or the device's zone.
  return Number.isNaN(date.getTime()) ? day : dateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }, 'day').format(date);
}

// Booking screens: the zone comes with the data (the API says which zone its times are for), so these take it.

/** "Tue 3 Mar 2026, 09:30" / "2026年3月3日周二 09:30" in the given zone. */
/** The locale used for booking screens: Chinese, or British English (24-hour clock, day before month). */
function locale(language: string): string {
  return language === 'zh-CN' ? 'zh-CN' : 'en-GB';
}

export function formatDateTimeIn(iso: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(parseInstant(iso) ?? new Date(iso));
}

/** "09:30" in the hospital's zone. */
export function formatTimeIn(iso: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(parseInstant(iso) ?? new Date(iso));
}

/** A local date ("2026-03-03") as "Tue 3 Mar 2026" / "2026年3月3日周二". */
export function formatLocalDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** The local date in a zone of an instant. */
export function localDateOf(instant: Date | string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    typeof instant === 'string' ? (parseInstant(instant) ?? new Date(instant)) : instant,
  );
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export function todayIn(timeZone: string, now: Date = new Date()): string {
  return localDateOf(now, timeZone);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** How the zone is named next to times: "Beijing time" for the usual case, else the IANA name. */
export function timeZoneName(timeZone: string, language: string): string {
  if (timeZone === 'Asia/Shanghai') return language === 'zh-CN' ? '北京时间' : 'China Standard Time (Asia/Shanghai)';
  return timeZone;
}

export function formatMoney(amount: number, currency: string, language: string): string {
  return new Intl.NumberFormat(locale(language), { style: 'currency', currency }).format(amount);
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

/** An instant as the API sends it, in the hospital's time zone; the raw text if unreadable. */
export function formatInstant(value: string, language: string): string {
  const date = parseInstant(value);
  return date ? formatDateTime(date, language) : value;
}

/** A calendar day from the API ("2026-11-02") as a medium date in the reader's language; the raw text if unreadable. */
export function formatDay(value: string, language: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }, 'day').format(date);
}
