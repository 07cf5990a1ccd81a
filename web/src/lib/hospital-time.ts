/**
 * Times come from the API in UTC and are shown in the hospital's time zone (not the browser's), because that is
 * where the visit happens. Local dates are plain "YYYY-MM-DD" strings in that zone.
 */

function locale(language: string): string {
  return language === 'zh-CN' ? 'zh-CN' : 'en-GB';
}

/** "Tue 3 Mar, 09:30" / "3月3日周二 09:30" in the hospital's zone. */
export function formatDateTime(iso: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** "09:30" in the hospital's zone. */
export function formatTime(iso: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
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
    typeof instant === 'string' ? new Date(instant) : instant,
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
