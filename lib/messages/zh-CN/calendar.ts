import type { ScheduleBox } from '@/lib/domain/business-days-schedule';
import type { CalendarDayKind } from '@/lib/domain/business-days';
import type { MessageEntry } from '../format';

/** The boxes of /review/calendar's form, as its messages name them. */
const BOX: Record<ScheduleBox, string> = { holidays: '放假日期', workdays: '调休上班日期' };
const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const at = (p: { box: ScheduleBox; line: number }) => `${BOX[p.box]}第 ${p.line} 行`;

/**
 * The business-day calendar (SPEC §1): why a typed year's schedule is refused
 * (lib/domain/business-days-schedule.ts), and the name a day gets when its line names none.
 * Client-safe: the form's schema imports this section, never the whole catalogue.
 */
export const calendarMessages = {
  'calendar.schedule.tooManyLines': (p: { box: ScheduleBox; max: number }) => `${BOX[p.box]}最多 ${p.max} 行`,
  'calendar.schedule.lineFormat': (p: { box: ScheduleBox; line: number; year: number }) =>
    `${at(p)}格式不正确，请填写如 ${p.year}-01-01 或 ${p.year}-01-01~${p.year}-01-03 的日期`,
  'calendar.schedule.noSuchDay': (p: { box: ScheduleBox; line: number; day: string }) => `${at(p)}的日期 ${p.day} 不存在`,
  'calendar.schedule.dayOutsideYear': (p: { box: ScheduleBox; line: number; day: string; year: number }) => `${at(p)}的日期 ${p.day} 不在 ${p.year} 年内`,
  'calendar.schedule.endBeforeStart': (p: { box: ScheduleBox; line: number }) => `${at(p)}的结束日期早于开始日期`,
  'calendar.schedule.nameTooLong': (p: { box: ScheduleBox; line: number; max: number }) => `${at(p)}的名称最多 ${p.max} 个字`,
  'calendar.schedule.rangeTooLong': (p: { box: ScheduleBox; line: number; max: number }) => `${at(p)}的日期范围超过 ${p.max} 天`,
  'calendar.schedule.noHolidays': '请填写该年的放假日期',
  'calendar.schedule.dayBothKinds': '{day} 不能既是放假日又是调休上班日',
  'calendar.schedule.workdayNotWeekend': (p: { day: string; weekday: number }) => `调休上班日应为周六或周日：${p.day} 是${WEEKDAY[p.weekday]}`,
  'calendar.unnamedDay.holiday': '节假日',
  'calendar.unnamedDay.workday': '调休上班',
} as const satisfies Record<string, MessageEntry> & Record<`calendar.unnamedDay.${CalendarDayKind}`, MessageEntry>;
