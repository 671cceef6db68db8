// The package's own data file, not its entry point: the entry's ES build declares itself
// CommonJS, which Next's bundler refuses (the simulated bank reads it the same way).
import calendar from 'chinese-days/dist/chinese-days.json';
import type { PackageCalendarData } from '@/lib/domain/business-days';

/**
 * The maintained China holiday calendar (`chinese-days`, SPEC §1): statutory holidays
 * and 调休 working days of every year it was published with (2004–2026 in 1.5.7).
 * lib/domain/business-days combines it with the years staff entered.
 */
export const packageCalendar: PackageCalendarData = {
  holidays: calendar.holidays,
  workdays: calendar.workdays,
};
