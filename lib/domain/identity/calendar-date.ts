/**
 * A day on the calendar, without time or zone: birth dates inside identifiers and
 * "today" in the product's time zone. Months and days are 1-based.
 */
export type CalendarDate = { year: number; month: number; day: number };

/** Mainland China keeps UTC+8 all year (no daylight saving since 1991). */
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Gregorian rule: every 4th year, except centuries not divisible by 400 (1900 is not, 2000 is). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isRealDate({ year, month, day }: CalendarDate): boolean {
  return (
    [year, month, day].every(Number.isInteger) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** Negative when `a` is earlier, 0 when the same day, positive when later. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** `YYYYMMDD` → a date, or null when it is not eight digits naming a real day. */
export function parseCompactDate(yyyymmdd: string): CalendarDate | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDate(date) ? date : null;
}

/**
 * R-LIM-4 counts age "on the day of verification": the calendar day in Beijing, not
 * in UTC — 00:30 on a birthday in Beijing is still the previous day in UTC.
 */
export function chinaCalendarDate(instant: Date): CalendarDate {
  const shifted = new Date(instant.getTime() + CHINA_UTC_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}
