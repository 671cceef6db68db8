import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDateTimeFull, formatDateTimeLong, formatDateTimeNumeric, formatDateTimeShort, formatMonthDayTime } from './date-time';

const at = new Date('2026-10-14T16:05:09Z'); // 00:05 on the 15th in Beijing

describe('the product date/time formats (China time whatever the server zone)', () => {
  it('writes each shape as the pages did before they shared one module', () => {
    expect(formatDateTime(at)).toBe('2026年10月15日 00:05');
    expect(formatDateTimeLong(at)).toBe('2026年10月15日 00:05');
    expect(formatDateTimeShort(at)).toBe('2026/10/15 00:05:09');
    expect(formatMonthDayTime(at)).toBe('10月15日 00:05');
    expect(formatDateTimeNumeric(at)).toBe('2026-10-15 00:05');
    expect(formatDateTimeFull(at)).toBe(at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }));
  });
});
