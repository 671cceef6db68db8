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
      '2027-04-05 holiday 节假日',
    ]);
    expect(formatSchedule(r.days, 'holiday')).toBe('2027-01-01~2027-01-03 元旦\n2027-02-05~2027-02-07 春节\n2027-04-05 节假日');
    expect(formatSchedule(r.days, 'workday')).toBe('2027-02-20 春节');
  });

  it('refuses what cannot be a schedule, naming the box and the line', () => {
    expect(parseYearSchedule(2027, '', '')).toEqual({ ok: false, field: 'holidays', message: '请填写该年的放假日期' });
    expect(parseYearSchedule(2027, '2027-02-30', '')).toMatchObject({ ok: false, field: 'holidays', message: '放假日期第 1 行的日期 2027-02-30 不存在' });
    expect(parseYearSchedule(2027, '2027-01-01\n2026-12-31', '')).toMatchObject({ field: 'holidays', message: '放假日期第 2 行的日期 2026-12-31 不在 2027 年内' });
    expect(parseYearSchedule(2027, '2027-01-03~2027-01-01', '')).toMatchObject({ message: '放假日期第 1 行的结束日期早于开始日期' });
    expect(parseYearSchedule(2027, '2027-01-01~2027-03-01', '')).toMatchObject({ message: '放假日期第 1 行的日期范围超过 31 天' });
    expect(parseYearSchedule(2027, 'next friday', '')).toMatchObject({ field: 'holidays' });
    expect(parseYearSchedule(2027, '2027-01-01', '2027-02-03')).toEqual({ ok: false, field: 'workdays', message: '调休上班日应为周六或周日：2027-02-03 是周三' });
    expect(parseYearSchedule(2027, '2027-01-02', '2027-01-02')).toMatchObject({ field: 'workdays', message: '2027-01-02 不能既是放假日又是调休上班日' });
  });
});
