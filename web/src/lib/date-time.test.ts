import { describe, expect, it } from 'vitest';
import { addDays, formatCalendarDay, formatDateTime, formatDay, formatInstant, formatTimeIn, hospitalDayEnd, hospitalDayStart, localDateOf, parseInstant, timeZoneName, todayIn } from './date-time';

describe('date-time', () => {
  it('shows instants in the hospital time zone and days as dates', () => {
    expect(formatInstant('2026-11-27T16:30:00.1234567+00:00', 'en')).toContain('Nov 28, 2026');
    expect(formatDay('2026-11-02', 'zh-CN')).toBe('2026年11月2日');
    expect(formatInstant('not a date', 'en')).toBe('not a date');
  });

  it('reads the server’s 7-digit fractions and shows times in the hospital zone', () => {
    const instant = parseInstant('2025-11-28T01:30:00.1234567+00:00');
    expect(instant?.toISOString()).toBe('2025-11-28T01:30:00.123Z');
    expect(formatDateTime(instant!, 'en')).toBe('Nov 28, 2025, 9:30 AM');
  });

  it('turns a calendar day into its first and last instant in the hospital zone (Asia/Shanghai, UTC+8)', () => {
    expect(hospitalDayStart('2025-11-28')?.toISOString()).toBe('2025-11-27T16:00:00.000Z');
    expect(hospitalDayEnd('2025-11-28')?.toISOString()).toBe('2025-11-28T15:59:59.999Z');
    expect(hospitalDayEnd('2025-12-31')?.toISOString()).toBe('2025-12-31T15:59:59.999Z');
    expect(hospitalDayStart('28/11/2025')).toBeNull();
    expect(hospitalDayStart('')).toBeNull();
  });

  it('shows a date of birth as that very day in any zone', () => {
    expect(formatCalendarDay('1965-03-12', 'en')).toBe('Mar 12, 1965');
    expect(formatCalendarDay('1965-03-12', 'zh-CN')).toBe('1965年3月12日');
    expect(formatCalendarDay('unknown', 'en')).toBe('unknown');
  });
});

describe('hospital time', () => {
  it('shows UTC instants in the hospital zone, not the browser zone', () => {
    expect(formatTimeIn('2026-03-02T01:30:00Z', 'Asia/Shanghai', 'en')).toBe('09:30');
    expect(localDateOf('2026-03-02T17:00:00Z', 'Asia/Shanghai')).toBe('2026-03-03');
    expect(formatTimeIn('2026-03-13T13:00:00Z', 'America/New_York', 'en')).toBe('09:00');
  });

  it('computes local days and names the zone', () => {
    expect(todayIn('Asia/Shanghai', new Date('2026-03-02T20:00:00Z'))).toBe('2026-03-03');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(timeZoneName('Asia/Shanghai', 'zh-CN')).toBe('北京时间');
  });
});
