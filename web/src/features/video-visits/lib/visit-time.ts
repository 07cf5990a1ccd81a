import { HOSPITAL_TIME_ZONE } from '@/config/hospital';

function parse(value: string): Date {
  // Note: the server may send 7 fractional digits, which not every Date parser accepts.
  return new Date(value.replace(/(\.\d{3})\d+/, '$1'));
}

/** "9:30 AM" / "09:30" in the hospital's time zone. */
export function formatTime(value: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: HOSPITAL_TIME_ZONE }).format(parse(value));
}

/** "Dec 1, 2026, 9:30 AM" / "2026年12月1日 09:30" in the hospital's time zone. */
export function formatDateTime(value: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: HOSPITAL_TIME_ZONE }).format(parse(value));
}
