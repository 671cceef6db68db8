import { chinaCalendarDate } from './identity/calendar-date';

/**
 * SPEC §1 工作日: a mainland-China working day — weekends and statutory holidays
 * excluded, adjusted working days (调休) included. Pure: the calendar data comes in as
 * a parameter (the `chinese-days` package's tables, loaded by lib/calendar, plus the
 * years staff entered at /review/calendar), and time is a parameter.
 *
 * Days are `YYYY-MM-DD` strings of the Beijing calendar (UTC+8 all year, no DST).
 */

export type DayKey = string;

export type CalendarDayKind = 'holiday' | 'workday';

/** The package's tables: day → description, holidays and 调休 working days. */
export interface PackageCalendarData {
  holidays: Readonly<Record<DayKey, string>>;
  workdays: Readonly<Record<DayKey, string>>;
}

/** One day of a schedule staff entered (calendar_days). */
export interface StaffCalendarDay {
  day: DayKey;
  kind: CalendarDayKind;
}

export type CalendarSource = 'package' | 'staff';

export interface BusinessCalendar {
  /** Years whose holidays and 调休 are known, and from where. Other years count weekends only. */
  readonly years: ReadonlyMap<number, CalendarSource>;
  /** Special days of the known years: holiday (休) or workday (调休 上班). */
  readonly special: ReadonlyMap<DayKey, CalendarDayKind>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

const yearOf = (day: DayKey) => Number(day.slice(0, 4));

/**
 * The one business-day calendar: the package's years, except that a year staff entered
 * replaces the package's data for that year entirely (the official schedule as
 * published is authoritative; a partial merge could keep a stale 调休).
 */
export function makeBusinessCalendar(packageData: PackageCalendarData, staffDays: readonly StaffCalendarDay[] = []): BusinessCalendar {
  const years = new Map<number, CalendarSource>();
  const special = new Map<DayKey, CalendarDayKind>();
  const staffYears = new Set(staffDays.map((d) => yearOf(d.day)));
  for (const [day, kind] of [
    ...Object.keys(packageData.holidays).map((d) => [d, 'holiday'] as const),
    ...Object.keys(packageData.workdays).map((d) => [d, 'workday'] as const),
  ]) {
    const year = yearOf(day);
    if (staffYears.has(year)) continue;
    // Every published year has holidays; a year with only 调休 entries (a spill-over) is not known.
    if (kind === 'holiday') years.set(year, 'package');
    special.set(day, kind);
  }
  for (const d of staffDays) {
    years.set(yearOf(d.day), 'staff');
    special.set(d.day, d.kind);
  }
  return { years, special };
}

/** `YYYY-MM-DD` of an instant in Beijing. */
export function chinaDayKey(instant: Date): DayKey {
  const d = chinaCalendarDate(instant);
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function isDayKey(value: string): boolean {
  const m = DAY_KEY.exec(value);
  if (!m) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: DayKey): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export function isWeekend(day: DayKey): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

/** The day after (`n` = 1) or before (`n` = -1) `day`. */
export function shiftDay(day: DayKey, n: number): DayKey {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whether the calendar knows `day`'s year (package or staff); otherwise weekends are all it counts. */
export function isYearCovered(cal: BusinessCalendar, year: number): boolean {
  return cal.years.has(year);
}

export function isBusinessDay(cal: BusinessCalendar, day: DayKey): boolean {
  const special = cal.special.get(day);
  if (special === 'workday') return true;
  if (special === 'holiday') return false;
  return !isWeekend(day);
}

/**
 * The moment `n` business days after `from`: the n-th business day after `from`'s
 * Beijing day, at the same time of day (`n` = 0 is `from`). Something opened on a
 * Friday with n = 1 is due on Monday at the same hour; opened on a Saturday, also Monday.
 */
export function addBusinessDays(cal: BusinessCalendar, from: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0) throw new Error(`addBusinessDays: n must be a whole number ≥ 0, got ${n}`);
  let t = from.getTime();
  let left = n;
  while (left > 0) {
    t += DAY_MS; // Beijing has no daylight saving: 24 h is always one calendar day
    if (isBusinessDay(cal, chinaDayKey(new Date(t)))) left -= 1;
  }
  return new Date(t);
}

/**
 * Whole business days from `from` to `to` (0 when `to` is not later): the largest k with
 * addBusinessDays(from, k) ≤ to. The age of a waiting case, or how late an overdue one is.
 */
/**
 * SPEC §8: a "deadline approaching" reminder is due once the deadline is at most one
 * business day away (and has not passed) — the same rule for every deadline.
 */
export function isReminderDue(cal: BusinessCalendar, deadline: Date, now: Date): boolean {
  return now.getTime() < deadline.getTime() && addBusinessDays(cal, now, 1).getTime() >= deadline.getTime();
}

/**
 * The latest deadline a reminder can be due for at `now`: one business day ahead can be
 * this far in calendar days (Golden Week). Sweepers claim only deadlines before it.
 */
export function reminderHorizon(now: Date): Date {
  return new Date(now.getTime() + 10 * 24 * 60 * 60 * 1000);
}

export function businessDaysBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  let count = 0;
  let t = from.getTime();
  // Bounded: a case waits days, not years; 3660 calendar days is a safe ceiling.
  for (let i = 0; i < 3660; i++) {
    t += DAY_MS;
    if (t > to.getTime()) break;
    if (isBusinessDay(cal, chinaDayKey(new Date(t)))) count += 1;
  }
  return count;
}

export interface CalendarGap {
  /** The first day of the coming period whose year the calendar does not know. */
  firstUncoveredDay: DayKey;
  /** Its year: the schedule to enter. */
  year: number;
}

/**
 * SPEC §1: the back office warns while the coming `days` days (from `now`) are not all
 * covered by the package or a staff-entered year. Answers the first uncovered day, or null.
 */
export function calendarGap(cal: BusinessCalendar, now: Date, days = 60): CalendarGap | null {
  const first = chinaDayKey(now);
  const last = chinaDayKey(new Date(now.getTime() + days * DAY_MS));
  for (let year = yearOf(first); year <= yearOf(last); year++) {
    if (isYearCovered(cal, year)) continue;
    const firstUncoveredDay = year === yearOf(first) ? first : `${year}-01-01`;
    return { firstUncoveredDay, year };
  }
  return null;
}
