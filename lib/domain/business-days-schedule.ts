import { isDayKey, isWeekend, shiftDay, weekdayOf, type CalendarDayKind, type DayKey } from './business-days';
import { toHalfWidth } from './normalise';

/**
 * A year's official holiday schedule as staff type it at /review/calendar (SPEC §1):
 * one entry per line, a day or a range of days, optionally followed by the holiday's
 * name — the way the State Council's notice reads:
 *
 *   2027-01-01~2027-01-03 元旦
 *   2027-02-06 至 2027-02-12 春节
 *   2027-02-13 春节          (a 调休 working day, in the second box)
 */

export interface ScheduleDay {
  day: DayKey;
  kind: CalendarDayKind;
  /** The holiday's name as typed; null when the line named none (the catalogue's `calendar.unnamedDay.<kind>` is stored then). */
  name: string | null;
}

/** The two boxes of the form: 放假日期 and 调休上班日期. */
export type ScheduleBox = 'holidays' | 'workdays';

/** Why a schedule cannot be saved, naming the box and the line (1-based); worded by the catalogue's `calendar.schedule.*`. */
export type ScheduleProblem =
  | { code: 'calendar.schedule.tooManyLines'; params: { box: ScheduleBox; max: number } }
  | { code: 'calendar.schedule.lineFormat'; params: { box: ScheduleBox; line: number; year: number } }
  | { code: 'calendar.schedule.noSuchDay'; params: { box: ScheduleBox; line: number; day: string } }
  | { code: 'calendar.schedule.dayOutsideYear'; params: { box: ScheduleBox; line: number; day: string; year: number } }
  | { code: 'calendar.schedule.endBeforeStart'; params: { box: ScheduleBox; line: number } }
  | { code: 'calendar.schedule.nameTooLong'; params: { box: ScheduleBox; line: number; max: number } }
  | { code: 'calendar.schedule.rangeTooLong'; params: { box: ScheduleBox; line: number; max: number } }
  | { code: 'calendar.schedule.noHolidays' }
  | { code: 'calendar.schedule.dayBothKinds'; params: { day: string } }
  /** `weekday`: 0 (Sunday) … 6 (Saturday). */
  | { code: 'calendar.schedule.workdayNotWeekend'; params: { day: string; weekday: number } };

export type ScheduleResult = { ok: true; days: ScheduleDay[] } | { ok: false; field: ScheduleBox; problem: ScheduleProblem };

/** The longest range one line may name (the longest official break is 9 days). */
export const MAX_RANGE_DAYS = 31;
export const MAX_SCHEDULE_LINES = 60;
const NAME_MAX = 20;

/**
 * A day as the notice and people write it: 2027-01-01, 2027/1/1, 2027.1.1 or 2027年1月1日;
 * a range joined by ~, 至, 到, a dash or ' - '. Input grammar, not words: the CJK
 * separators (年 U+5E74, 月 U+6708, 日 U+65E5, 至 U+81F3, 到 U+5230) are escapes so that
 * lib/domain holds no CJK outside comments.
 */
const DATE = String.raw`(\d{4})[-/.\u5e74](\d{1,2})[-/.\u6708](\d{1,2})\u65e5?`;
const LINE = new RegExp(String.raw`^${DATE}(?:\s*(?:~|\u81f3|\u5230|—|–|\s-\s)\s*${DATE})?(?:\s*([^\d\s~\u81f3\u5230—–-].*))?$`);

function dayKey(y: string, m: string, d: string): DayKey {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

function parseLines(text: string, year: number, kind: CalendarDayKind, box: ScheduleBox): { ok: true; days: ScheduleDay[] } | { ok: false; problem: ScheduleProblem } {
  const lines = toHalfWidth(text)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length > MAX_SCHEDULE_LINES) return { ok: false, problem: { code: 'calendar.schedule.tooManyLines', params: { box, max: MAX_SCHEDULE_LINES } } };
  const days: ScheduleDay[] = [];
  for (const [i, text] of lines.entries()) {
    const line = i + 1;
    const m = LINE.exec(text);
    if (!m) return { ok: false, problem: { code: 'calendar.schedule.lineFormat', params: { box, line, year } } };
    const start = dayKey(m[1]!, m[2]!, m[3]!);
    const end = m[4] ? dayKey(m[4], m[5]!, m[6]!) : start;
    for (const day of [start, end]) {
      if (!isDayKey(day)) return { ok: false, problem: { code: 'calendar.schedule.noSuchDay', params: { box, line, day } } };
      if (Number(day.slice(0, 4)) !== year) return { ok: false, problem: { code: 'calendar.schedule.dayOutsideYear', params: { box, line, day, year } } };
    }
    if (end < start) return { ok: false, problem: { code: 'calendar.schedule.endBeforeStart', params: { box, line } } };
    const name = (m[7] ?? '').trim() || null;
    if (name !== null && [...name].length > NAME_MAX) return { ok: false, problem: { code: 'calendar.schedule.nameTooLong', params: { box, line, max: NAME_MAX } } };
    let count = 0;
    for (let d = start; d <= end; d = shiftDay(d, 1)) {
      count += 1;
      if (count > MAX_RANGE_DAYS) return { ok: false, problem: { code: 'calendar.schedule.rangeTooLong', params: { box, line, max: MAX_RANGE_DAYS } } };
      days.push({ day: d, kind, name });
    }
  }
  return { ok: true, days };
}

/**
 * Parses and checks a year's schedule: every day real and in `year`, no day both 休 and
 * 班, 调休 working days on a Saturday or Sunday (a weekday is a working day anyway), and
 * at least one holiday (every published year has some).
 */
export function parseYearSchedule(year: number, holidaysText: string, workdaysText: string): ScheduleResult {
  const holidays = parseLines(holidaysText, year, 'holiday', 'holidays');
  if (!holidays.ok) return { ok: false, field: 'holidays', problem: holidays.problem };
  if (holidays.days.length === 0) return { ok: false, field: 'holidays', problem: { code: 'calendar.schedule.noHolidays' } };
  const workdays = parseLines(workdaysText, year, 'workday', 'workdays');
  if (!workdays.ok) return { ok: false, field: 'workdays', problem: workdays.problem };

  const byDay = new Map<DayKey, ScheduleDay>();
  for (const d of holidays.days) byDay.set(d.day, d); // a day listed twice as 休 is harmless
  for (const d of workdays.days) {
    if (byDay.get(d.day)?.kind === 'holiday') return { ok: false, field: 'workdays', problem: { code: 'calendar.schedule.dayBothKinds', params: { day: d.day } } };
    if (!isWeekend(d.day)) {
      return { ok: false, field: 'workdays', problem: { code: 'calendar.schedule.workdayNotWeekend', params: { day: d.day, weekday: weekdayOf(d.day) } } };
    }
    byDay.set(d.day, d);
  }
  return { ok: true, days: [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1)) };
}

/** The schedule as the form shows it again: consecutive days of one name as one range. */
export function formatSchedule(days: readonly ScheduleDay[], kind: CalendarDayKind): string {
  const lines: string[] = [];
  let run: { start: DayKey; end: DayKey; name: string | null } | null = null;
  const flush = () => {
    if (!run) return;
    const range = run.start === run.end ? run.start : `${run.start}~${run.end}`;
    lines.push(run.name === null ? range : `${range} ${run.name}`);
  };
  for (const d of [...days].filter((x) => x.kind === kind).sort((a, b) => (a.day < b.day ? -1 : 1))) {
    if (run && run.name === d.name && shiftDay(run.end, 1) === d.day) {
      run.end = d.day;
      continue;
    }
    flush();
    run = { start: d.day, end: d.day, name: d.name };
  }
  flush();
  return lines.join('\n');
}
