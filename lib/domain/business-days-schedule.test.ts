import { describe, expect, it } from 'vitest';
import { formatSchedule, parseYearSchedule } from './business-days-schedule';

describe('a year schedule typed at /review/calendar', () => {
  it('reads days, ranges and names, in the ways the notice and people write them', () => {
    const r = parseYearSchedule(2027, '2027-01-01~2027-01-03 元旦\n２０２７年2月5日 至 2027年2月7日 春节\n\n2027/4/5', '2027-02-20 春节');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.days.map((d) => `${d.day} ${d.kind} ${d.name}`)).toEqual([
      '2027-01-01 holiday 元旦',
      '2027-01-02 holiday 元旦',
      '2027-01-03 holiday 元旦',
      '2027-02-05 holiday 春节',
      '2027-02-06 holiday 春节',
      '2027-02-07 holiday 春节',
      '2027-02-20 workday 春节',
      // No name: saved under its kind's (calendar.unnamedDay.holiday, 节假日 — save-calendar-year.ts).
      '2027-04-05 holiday null',
    ]);
    expect(formatSchedule(r.days, 'holiday')).toBe('2027-01-01~2027-01-03 元旦\n2027-02-05~2027-02-07 春节\n2027-04-05');
    expect(formatSchedule([...r.days.slice(0, 7), { ...r.days[7]!, name: '节假日' }], 'holiday')).toBe('2027-01-01~2027-01-03 元旦\n2027-02-05~2027-02-07 春节\n2027-04-05 节假日');
    expect(formatSchedule(r.days, 'workday')).toBe('2027-02-20 春节');
  });

  it('refuses what cannot be a schedule, naming the box and the line (worded in lib/messages/zh-CN/calendar.test.ts)', () => {
    const refusal = (holidays: string, workdays: string) => {
      const r = parseYearSchedule(2027, holidays, workdays);
      return r.ok ? r : { field: r.field, ...r.problem };
    };
    expect(refusal('', '')).toEqual({ field: 'holidays', code: 'calendar.schedule.noHolidays' });
    expect(refusal('2027-02-30', '')).toEqual({ field: 'holidays', code: 'calendar.schedule.noSuchDay', params: { box: 'holidays', line: 1, day: '2027-02-30' } });
    expect(refusal('2027-01-01\n2026-12-31', '')).toEqual({ field: 'holidays', code: 'calendar.schedule.dayOutsideYear', params: { box: 'holidays', line: 2, day: '2026-12-31', year: 2027 } });
    expect(refusal('2027-01-03~2027-01-01', '')).toEqual({ field: 'holidays', code: 'calendar.schedule.endBeforeStart', params: { box: 'holidays', line: 1 } });
    expect(refusal('2027-01-01~2027-03-01', '')).toEqual({ field: 'holidays', code: 'calendar.schedule.rangeTooLong', params: { box: 'holidays', line: 1, max: 31 } });
    expect(refusal('next friday', '')).toEqual({ field: 'holidays', code: 'calendar.schedule.lineFormat', params: { box: 'holidays', line: 1, year: 2027 } });
    expect(refusal('2027-01-01', `2027-01-02 ${'长'.repeat(21)}`)).toEqual({ field: 'workdays', code: 'calendar.schedule.nameTooLong', params: { box: 'workdays', line: 1, max: 20 } });
    expect(refusal('2027-01-01', '2027-02-03')).toEqual({ field: 'workdays', code: 'calendar.schedule.workdayNotWeekend', params: { day: '2027-02-03', weekday: 3 } });
    expect(refusal('2027-01-02', '2027-01-02')).toEqual({ field: 'workdays', code: 'calendar.schedule.dayBothKinds', params: { day: '2027-01-02' } });
  });
});
