import { describe, expect, it } from 'vitest';
import { parseYearSchedule } from '@/lib/domain/business-days-schedule';
import { text } from '@/lib/messages';

/** A refusal as /review/calendar's form shows it: the catalogue's words for the domain's code. */
function worded(holidays: string, workdays: string) {
  const r = parseYearSchedule(2027, holidays, workdays);
  return r.ok ? r : { ok: false, field: r.field, message: text(r.problem.code, 'params' in r.problem ? r.problem.params : undefined) };
}

describe('the calendar section (words of lib/domain/business-days-schedule)', () => {
  it('refuses what cannot be a schedule, naming the box and the line', () => {
    expect(worded('', '')).toEqual({ ok: false, field: 'holidays', message: '请填写该年的放假日期' });
    expect(worded('2027-02-30', '')).toMatchObject({ ok: false, field: 'holidays', message: '放假日期第 1 行的日期 2027-02-30 不存在' });
    expect(worded('2027-01-01\n2026-12-31', '')).toMatchObject({ field: 'holidays', message: '放假日期第 2 行的日期 2026-12-31 不在 2027 年内' });
    expect(worded('2027-01-03~2027-01-01', '')).toMatchObject({ message: '放假日期第 1 行的结束日期早于开始日期' });
    expect(worded('2027-01-01~2027-03-01', '')).toMatchObject({ message: '放假日期第 1 行的日期范围超过 31 天' });
    expect(worded('next friday', '')).toMatchObject({ field: 'holidays', message: '放假日期第 1 行格式不正确，请填写如 2027-01-01 或 2027-01-01~2027-01-03 的日期' });
    expect(worded('2027-01-01', `2027-01-02 ${'长'.repeat(21)}`)).toMatchObject({ field: 'workdays', message: '调休上班日期第 1 行的名称最多 20 个字' });
    expect(worded('2027-01-01', '2027-02-03')).toEqual({ ok: false, field: 'workdays', message: '调休上班日应为周六或周日：2027-02-03 是周三' });
    expect(worded('2027-01-02', '2027-01-02')).toMatchObject({ field: 'workdays', message: '2027-01-02 不能既是放假日又是调休上班日' });
    expect(worded(Array.from({ length: 61 }, () => '2027-01-01').join('\n'), '')).toMatchObject({ message: '放假日期最多 60 行' });
  });

  it('names a day whose line names none by its kind', () => {
    expect(text('calendar.unnamedDay.holiday')).toBe('节假日');
    expect(text('calendar.unnamedDay.workday')).toBe('调休上班');
  });
});
