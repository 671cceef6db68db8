import packageData from 'chinese-days/dist/chinese-days.json';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  businessDaysBetween,
  isReminderDue,
  calendarGap,
  chinaDayKey,
  isBusinessDay,
  makeBusinessCalendar,
  type StaffCalendarDay,
} from './business-days';
import { parseYearSchedule } from './business-days-schedule';

const pkg = { holidays: packageData.holidays, workdays: packageData.workdays };
const calendar = makeBusinessCalendar(pkg);

/** 10:00 in Beijing on `day`. */
const beijing = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);

/**
 * A 2027 schedule for the tests only. The State Council had not published 2027's
 * schedule when this was written and chinese-days 1.5.7 stops at 2026, so this is a
 * fixture, not the official notice: 元旦 on Friday 1 January with the weekend after it,
 * and a made-up 春节 break with one 调休 Saturday.
 */
const FIXTURE_2027 = parseYearSchedule(2027, '2027-01-01~2027-01-03 元旦\n2027-02-05~2027-02-11 春节', '2027-02-20 春节');

function staffDays(): StaffCalendarDay[] {
  if (!FIXTURE_2027.ok) throw new Error(FIXTURE_2027.problem.code);
  return FIXTURE_2027.days;
}

describe('business days (SPEC §1) on the chinese-days calendar', () => {
  it('knows the official 2026 National Day schedule the package contains', () => {
    // 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04): 国庆节 10月1日至7日放假调休，
    // 共7天；9月20日（周日）、10月10日（周六）上班.
    for (let d = 1; d <= 7; d++) expect(isBusinessDay(calendar, `2026-10-0${d}`), `2026-10-0${d}`).toBe(false);
    expect(isBusinessDay(calendar, '2026-09-20')).toBe(true); // Sunday, 调休
    expect(isBusinessDay(calendar, '2026-10-10')).toBe(true); // Saturday, 调休
    expect(isBusinessDay(calendar, '2026-10-11')).toBe(false); // an ordinary Sunday
    expect(isBusinessDay(calendar, '2026-09-30')).toBe(true);
  });

  it('puts the deadline 7 business days after Tuesday 2026-09-29 on Wednesday 2026-10-14', () => {
    // By hand: 9-30 (1); 10-1…10-7 holiday; 10-8 (2), 10-9 (3), Sat 10-10 调休 (4);
    // Sun 10-11 off; 10-12 (5), 10-13 (6), 10-14 (7). Counting weekdays only would say 10-08.
    const due = addBusinessDays(calendar, beijing('2026-09-29'), 7);
    expect(due.toISOString()).toBe(beijing('2026-10-14').toISOString());
    expect(chinaDayKey(due)).toBe('2026-10-14');
  });

  it('counts weekends only past the last year it knows, and says so (the 60-day warning)', () => {
    const lateDecember = beijing('2026-12-30');
    // Without a 2027 schedule, Friday 1 January counts as a working day.
    expect(chinaDayKey(addBusinessDays(calendar, lateDecember, 7))).toBe('2027-01-08');
    expect(calendarGap(calendar, lateDecember)).toEqual({ firstUncoveredDay: '2027-01-01', year: 2027 });
    expect(calendarGap(calendar, beijing('2026-11-02'))).toEqual({ firstUncoveredDay: '2027-01-01', year: 2027 });
    expect(calendarGap(calendar, beijing('2026-11-01'))).toBeNull(); // +60 days is 2026-12-31
  });

  it('puts the deadline 7 business days after Wednesday 2026-12-30 on Monday 2027-01-11 once 2027 is entered', () => {
    const withStaffYear = makeBusinessCalendar(pkg, staffDays());
    // By hand: 12-31 (1); 1-1 元旦, Sat 1-2, Sun 1-3 off; 1-4 (2) … 1-8 (6); weekend; 1-11 (7).
    const due = addBusinessDays(withStaffYear, beijing('2026-12-30'), 7);
    expect(due.toISOString()).toBe(beijing('2027-01-11').toISOString());
    expect(calendarGap(withStaffYear, beijing('2026-12-30'))).toBeNull();
    expect(withStaffYear.years.get(2027)).toBe('staff');
    expect(withStaffYear.years.get(2026)).toBe('package');
    // The fixture's 调休 Saturday is worked; its holidays are not.
    expect(isBusinessDay(withStaffYear, '2027-02-20')).toBe(true);
    expect(isBusinessDay(withStaffYear, '2027-02-08')).toBe(false);
  });

  it('lets a staff-entered year replace the package data of that year entirely', () => {
    const replaced = makeBusinessCalendar(pkg, [{ day: '2026-12-31', kind: 'holiday' }]);
    expect(replaced.years.get(2026)).toBe('staff');
    expect(isBusinessDay(replaced, '2026-10-08')).toBe(true);
    expect(isBusinessDay(replaced, '2026-10-01')).toBe(true); // the package's National Day no longer applies
    expect(isBusinessDay(replaced, '2026-12-31')).toBe(false);
    expect(isBusinessDay(replaced, '2025-10-01')).toBe(false); // other years keep the package
  });

  it('moves a Friday or Saturday opening to Monday at the same time (n = 1)', () => {
    expect(addBusinessDays(calendar, beijing('2026-11-27', '18:30'), 1).toISOString()).toBe(beijing('2026-11-30', '18:30').toISOString());
    expect(addBusinessDays(calendar, beijing('2026-11-28', '09:00'), 1).toISOString()).toBe(beijing('2026-11-30', '09:00').toISOString());
    expect(addBusinessDays(calendar, beijing('2026-11-27'), 0).toISOString()).toBe(beijing('2026-11-27').toISOString());
    expect(() => addBusinessDays(calendar, beijing('2026-11-27'), -1)).toThrow();
  });

  it('counts whole business days elapsed (the age of a case)', () => {
    const opened = beijing('2026-09-29');
    expect(businessDaysBetween(calendar, opened, beijing('2026-09-29', '18:00'))).toBe(0);
    expect(businessDaysBetween(calendar, opened, beijing('2026-09-30', '09:59'))).toBe(0);
    expect(businessDaysBetween(calendar, opened, beijing('2026-09-30', '10:00'))).toBe(1);
    expect(businessDaysBetween(calendar, opened, beijing('2026-10-07', '23:00'))).toBe(1);
    expect(businessDaysBetween(calendar, opened, beijing('2026-10-14'))).toBe(7);
    expect(businessDaysBetween(calendar, beijing('2026-10-14'), opened)).toBe(0);
  });

  it('uses the day in Beijing, not in UTC', () => {
    // 2026-09-30 23:30 in Beijing is still 15:30 UTC of the 30th; one minute past midnight is 10-01.
    expect(chinaDayKey(new Date('2026-09-30T16:01:00Z'))).toBe('2026-10-01');
    expect(chinaDayKey(new Date('2026-09-30T15:59:00Z'))).toBe('2026-09-30');
  });
});

describe('deadline reminders (SPEC §8)', () => {
  const cal = makeBusinessCalendar({ holidays: {}, workdays: {} });
  it('reminds once the deadline is one business day away, not before, not after', () => {
    const deadline = new Date('2026-12-04T02:00:00Z'); // a Friday
    expect(isReminderDue(cal, deadline, new Date('2026-12-02T02:00:00Z'))).toBe(false);
    expect(isReminderDue(cal, deadline, new Date('2026-12-03T02:00:00Z'))).toBe(true);
    expect(isReminderDue(cal, deadline, new Date('2026-12-04T02:00:00Z'))).toBe(false);
  });
  it('counts a weekend as no business day: a Monday deadline is reminded on the Friday before', () => {
    const monday = new Date('2026-12-07T02:00:00Z');
    expect(isReminderDue(cal, monday, new Date('2026-12-04T02:00:00Z'))).toBe(true);
    expect(isReminderDue(cal, monday, new Date('2026-12-03T02:00:00Z'))).toBe(false);
  });
});
