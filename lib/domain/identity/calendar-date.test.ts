import { describe, expect, it } from 'vitest';
import { chinaCalendarDate, compareCalendarDates, isLeapYear, isRealDate, parseCompactDate } from './calendar-date';

describe('calendar dates', () => {
  it('knows the Gregorian leap years (1900 is not one, 2000 is)', () => {
    expect([1996, 2000, 2024].map(isLeapYear)).toEqual([true, true, true]);
    expect([1900, 2023, 2100].map(isLeapYear)).toEqual([false, false, false]);
  });

  it('accepts only days that exist', () => {
    expect(isRealDate({ year: 2024, month: 2, day: 29 })).toBe(true);
    expect(isRealDate({ year: 2023, month: 2, day: 29 })).toBe(false);
    expect(isRealDate({ year: 2023, month: 4, day: 31 })).toBe(false);
    expect(isRealDate({ year: 2023, month: 13, day: 1 })).toBe(false);
    expect(isRealDate({ year: 2023, month: 1, day: 0 })).toBe(false);
  });

  it('reads YYYYMMDD and refuses what is not a real day', () => {
    expect(parseCompactDate('19491231')).toEqual({ year: 1949, month: 12, day: 31 });
    expect(parseCompactDate('19900231')).toBeNull();
    expect(parseCompactDate('1990123')).toBeNull();
  });

  it('orders dates by year, then month, then day', () => {
    expect(compareCalendarDates({ year: 2024, month: 1, day: 31 }, { year: 2024, month: 2, day: 1 })).toBeLessThan(0);
    expect(compareCalendarDates({ year: 2024, month: 2, day: 1 }, { year: 2024, month: 2, day: 1 })).toBe(0);
    expect(compareCalendarDates({ year: 2025, month: 1, day: 1 }, { year: 2024, month: 12, day: 31 })).toBeGreaterThan(0);
  });

  it('takes "today" in Beijing time, not UTC (R-LIM-4)', () => {
    expect(chinaCalendarDate(new Date('2024-12-31T15:59:59Z'))).toEqual({ year: 2024, month: 12, day: 31 });
    expect(chinaCalendarDate(new Date('2024-12-31T16:00:00Z'))).toEqual({ year: 2025, month: 1, day: 1 });
  });
});
