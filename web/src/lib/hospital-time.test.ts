import { describe, expect, it } from 'vitest';
import { addDays, formatTime, localDateOf, timeZoneName, todayIn } from './hospital-time';

describe('hospital time', () => {
  it('shows UTC instants in the hospital zone, not the browser zone', () => {
    expect(formatTime('2026-03-02T01:30:00Z', 'Asia/Shanghai', 'en')).toBe('09:30');
    expect(localDateOf('2026-03-02T17:00:00Z', 'Asia/Shanghai')).toBe('2026-03-03');
    expect(formatTime('2026-03-13T13:00:00Z', 'America/New_York', 'en')).toBe('09:00');
  });

  it('computes local days and names the zone', () => {
    expect(todayIn('Asia/Shanghai', new Date('2026-03-02T20:00:00Z'))).toBe('2026-03-03');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(timeZoneName('Asia/Shanghai', 'zh-CN')).toBe('北京时间');
  });
});
