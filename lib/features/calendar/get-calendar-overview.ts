import { findAccountById } from '@/db/queries/accounts';
import { listCalendarDays } from '@/db/queries/calendar';
import { packageCalendar } from '@/lib/calendar/package-calendar';
import { calendarGap, chinaDayKey, makeBusinessCalendar, type CalendarGap } from '@/lib/domain/business-days';
import { formatSchedule } from '@/lib/domain/business-days-schedule';
import type { ServiceContext } from '../context';

export interface CalendarYearView {
  year: number;
  source: 'package' | 'staff';
  holidayCount: number;
  workdayCount: number;
  /** Staff years: the schedule as the form shows it, and who entered it when. */
  holidaysText?: string;
  workdaysText?: string;
  enteredAt?: Date;
  enteredBy?: string;
}

/** /review/calendar and the back office's warning (SPEC §1): which years are known, from where, and the gap ahead. */
export async function getCalendarOverview(ctx: ServiceContext): Promise<{ today: string; gap: CalendarGap | null; years: CalendarYearView[] }> {
  const now = await ctx.clock.now();
  const staffDays = await listCalendarDays(ctx.db);
  const calendar = makeBusinessCalendar(packageCalendar, staffDays);

  const years: CalendarYearView[] = [];
  for (const [year, source] of [...calendar.years].sort(([a], [b]) => b - a)) {
    const inYear = (day: string) => day.startsWith(`${year}-`);
    if (source === 'package') {
      years.push({
        year,
        source,
        holidayCount: Object.keys(packageCalendar.holidays).filter(inYear).length,
        workdayCount: Object.keys(packageCalendar.workdays).filter(inYear).length,
      });
      continue;
    }
    const days = staffDays.filter((d) => inYear(d.day));
    const latest = days.reduce((a, b) => (a.enteredAt > b.enteredAt ? a : b));
    const by = latest.enteredBy ? await findAccountById(ctx.db, latest.enteredBy) : undefined;
    years.push({
      year,
      source,
      holidayCount: days.filter((d) => d.kind === 'holiday').length,
      workdayCount: days.filter((d) => d.kind === 'workday').length,
      holidaysText: formatSchedule(days, 'holiday'),
      workdaysText: formatSchedule(days, 'workday'),
      enteredAt: latest.enteredAt,
      enteredBy: by?.email,
    });
  }
  return { today: chinaDayKey(now), gap: calendarGap(calendar, now), years };
}
