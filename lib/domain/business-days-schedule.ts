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
  name: string;
}

export type ScheduleResult = { ok: true; days: ScheduleDay[] } | { ok: false; field: 'holidays' | 'workdays'; message: string };

/** The longest range one line may name (the longest official break is 9 days). */
export const MAX_RANGE_DAYS = 31;
export const MAX_SCHEDULE_LINES = 60;
const NAME_MAX = 20;
const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

const DATE = String.raw`(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?`;
const LINE = new RegExp(String.raw`^${DATE}(?:\s*(?:~|至|到|—|–|\s-\s)\s*${DATE})?(?:\s*([^\d\s~至到—–-].*))?$`);

function dayKey(y: string, m: string, d: string): DayKey {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

function parseLines(
  text: string,
  year: number,
  kind: CalendarDayKind,
  label: string,
): { ok: true; days: ScheduleDay[] } | { ok: false; message: string } {
  const lines = toHalfWidth(text)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length > MAX_SCHEDULE_LINES) return { ok: false, message: `${label}最多 ${MAX_SCHEDULE_LINES} 行` };
  const days: ScheduleDay[] = [];
  for (const [i, line] of lines.entries()) {
    const at = `${label}第 ${i + 1} 行`;
    const m = LINE.exec(line);
    if (!m) return { ok: false, message: `${at}格式不正确，请填写如 ${year}-01-01 或 ${year}-01-01~${year}-01-03 的日期` };
    const start = dayKey(m[1]!, m[2]!, m[3]!);
    const end = m[4] ? dayKey(m[4], m[5]!, m[6]!) : start;
    for (const d of [start, end]) {
      if (!isDayKey(d)) return { ok: false, message: `${at}的日期 ${d} 不存在` };
      if (Number(d.slice(0, 4)) !== year) return { ok: false, message: `${at}的日期 ${d} 不在 ${year} 年内` };
    }
    if (end < start) return { ok: false, message: `${at}的结束日期早于开始日期` };
    const name = (m[7] ?? '').trim() || (kind === 'holiday' ? '节假日' : '调休上班');
    if ([...name].length > NAME_MAX) return { ok: false, message: `${at}的名称最多 ${NAME_MAX} 个字` };
    let count = 0;
    for (let d = start; d <= end; d = shiftDay(d, 1)) {
      count += 1;
      if (count > MAX_RANGE_DAYS) return { ok: false, message: `${at}的日期范围超过 ${MAX_RANGE_DAYS} 天` };
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
  const holidays = parseLines(holidaysText, year, 'holiday', '放假日期');
  if (!holidays.ok) return { ok: false, field: 'holidays', message: holidays.message };
  if (holidays.days.length === 0) return { ok: false, field: 'holidays', message: '请填写该年的放假日期' };
  const workdays = parseLines(workdaysText, year, 'workday', '调休上班日期');
  if (!workdays.ok) return { ok: false, field: 'workdays', message: workdays.message };

  const byDay = new Map<DayKey, ScheduleDay>();
  for (const d of holidays.days) byDay.set(d.day, d); // a day listed twice as 休 is harmless
  for (const d of workdays.days) {
    if (byDay.get(d.day)?.kind === 'holiday') return { ok: false, field: 'workdays', message: `${d.day} 不能既是放假日又是调休上班日` };
    if (!isWeekend(d.day)) {
      return { ok: false, field: 'workdays', message: `调休上班日应为周六或周日：${d.day} 是${WEEKDAY[weekdayOf(d.day)]}` };
    }
    byDay.set(d.day, d);
  }
  return { ok: true, days: [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1)) };
}

/** The schedule as the form shows it again: consecutive days of one name as one range. */
export function formatSchedule(days: readonly ScheduleDay[], kind: CalendarDayKind): string {
  const lines: string[] = [];
  let run: { start: DayKey; end: DayKey; name: string } | null = null;
  const flush = () => {
    if (run) lines.push(`${run.start === run.end ? run.start : `${run.start}~${run.end}`} ${run.name}`);
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
