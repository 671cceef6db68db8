// The package's own data file, not its entry point: the entry's ES build declares itself
// CommonJS, which Next's bundler refuses. The rule below is the package's isWorkday
// (tested equal for 2004–2027 in business-days.test.ts).
import calendar from 'chinese-days/dist/chinese-days.json';
import { chinaCalendarDate } from '@/lib/domain/identity';

/**
 * Mainland-China business days for the bank's settlement (SPEC §1 工作日): weekends and
 * statutory holidays excluded, adjusted working days (调休) included, from the
 * maintained `chinese-days` calendar. That package only knows the years published
 * when it was released; a later day is treated as a plain Monday–Friday week, with a
 * warning, and `calendarGap()` tells ahead of time when that will happen.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_KNOWN_YEAR = 2004;

/** `YYYY-MM-DD` of an instant in Beijing (UTC+8 all year). */
export function chinaDay(instant: Date): string {
  const d = chinaCalendarDate(instant);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

const holidays: Record<string, string> = calendar.holidays;
const adjustedWorkdays: Record<string, string> = calendar.workdays;

let lastYear: number | undefined;

/** The last year the calendar package publishes holidays for (every published year has some). */
function lastCoveredYear(): number {
  lastYear ??= Math.max(...Object.keys(holidays).map((d) => Number(d.slice(0, 4))));
  return lastYear;
}

function isWeekday(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The last day whose holidays and 调休 the calendar knows, e.g. `2026-12-31`. */
export function lastCoveredDay(): string {
  return `${lastCoveredYear()}-12-31`;
}

/** When the coming `days` days (from `now`) run past the known calendar: the first unknown day, else null. */
export function calendarGap(now: Date, days = 60): { lastCoveredDay: string; firstUncoveredDay: string } | null {
  const horizon = chinaDay(new Date(now.getTime() + days * DAY_MS));
  const last = lastCoveredDay();
  if (horizon <= last) return null;
  return { lastCoveredDay: last, firstUncoveredDay: `${lastCoveredYear() + 1}-01-01` };
}

const warnedYears = new Set<number>();

/** Whether `day` (`YYYY-MM-DD`, Beijing) is a business day. */
export function isBusinessDay(day: string): boolean {
  const year = Number(day.slice(0, 4));
  if (year >= FIRST_KNOWN_YEAR && year <= lastCoveredYear()) {
    if (day in adjustedWorkdays) return true; // 调休: a weekend day worked
    if (day in holidays) return false;
    return isWeekday(day);
  }
  if (!warnedYears.has(year)) {
    warnedYears.add(year);
    console.warn(`[sim bank] 节假日日历未覆盖 ${year} 年（chinese-days 已知至 ${lastCoveredDay()}），按普通周末计算工作日`);
  }
  return isWeekday(day);
}

/**
 * The moment `n` business days after `from`: the n-th business day after `from`'s
 * (Beijing) day, at the same time of day. `n = 0` is `from` itself. A payout asked for
 * on a Friday with n = 1 arrives on Monday; one asked for on a Saturday, on Monday too.
 */
export function addBusinessDays(from: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0) throw new Error(`addBusinessDays: n must be a whole number ≥ 0, got ${n}`);
  let t = from.getTime();
  let left = n;
  while (left > 0) {
    t += DAY_MS; // Beijing has no daylight saving: 24 h is always one calendar day
    if (isBusinessDay(chinaDay(new Date(t)))) left -= 1;
  }
  return new Date(t);
}
