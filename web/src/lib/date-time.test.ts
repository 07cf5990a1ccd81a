import { describe, expect, it } from 'vitest';
import { formatCalendarDay, formatDateTime, hospitalDayEnd, hospitalDayStart, parseInstant } from './date-time';

describe('date-time', () => {
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
