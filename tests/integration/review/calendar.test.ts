import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCalendarDays } from '@/db/queries/calendar';
import { getBusinessCalendar } from '@/lib/features/calendar/get-business-calendar';
import { getCalendarGap } from '@/lib/features/calendar/get-calendar-gap';
import { getCalendarOverview } from '@/lib/features/calendar/get-calendar-overview';
import { openReviewCase } from '@/lib/features/review/open-review-case';
import { removeCalendarYear } from '@/lib/features/calendar/remove-calendar-year';
import { saveCalendarYear } from '@/lib/features/calendar/save-calendar-year';
import { isBusinessDay } from '@/lib/domain/business-days';
import { describeError } from '@/lib/errors';
import { expectAppError } from '../support/expect-error';
import { newAccount, newStaff } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { auditRows, reviewContext } from './support';

let t: TestDatabase;
let c: Awaited<ReturnType<typeof reviewContext>>;

beforeAll(async () => {
  t = await createTestDatabase();
  // Wednesday 2026-12-30, 10:00 in Beijing: the coming 60 days run into 2027, which chinese-days 1.5.7 does not know.
  c = await reviewContext(t.db, '2026-12-30T02:00:00.000Z');
});
afterAll(async () => {
  await c?.cleanup();
  await t?.close();
});

/** A 2027 schedule for the tests (the official one was not published when this was written). */
const FIXTURE_2027 = { year: 2027, holidays: '2027-01-01~2027-01-03 元旦\n2027-02-05~2027-02-11 春节', workdays: '2027-02-20 春节' };

describe('the business-day calendar staff maintain (SPEC §1)', () => {
  it('warns while the coming 60 days are not covered, and uses a year once staff entered it', async () => {
    const staff = await newStaff(c.ctx, 'reviewer');
    const user = await newAccount(c.ctx);
    expect(await getCalendarGap(c.ctx)).toEqual({ firstUncoveredDay: '2027-01-01', year: 2027 });

    // Before: 1 January 2027 counts as a working day; a 2-business-day case is due on Friday 1 January.
    const before = await openReviewCase(c.ctx, { accountId: user, kind: 'payout_materials', processId: crypto.randomUUID(), items: [{ key: 'enterprise_name', value: '测试' }] });
    expect(before.dueAt.toISOString()).toBe('2027-01-01T02:00:00.000Z');

    await saveCalendarYear(c.ctx, staff, FIXTURE_2027);
    expect(await getCalendarGap(c.ctx)).toBeNull();
    const calendar = await getBusinessCalendar(t.db);
    expect(isBusinessDay(calendar, '2027-01-01')).toBe(false);
    expect(isBusinessDay(calendar, '2027-02-20')).toBe(true);
    const after = await openReviewCase(c.ctx, { accountId: user, kind: 'payout_materials', processId: crypto.randomUUID(), items: [{ key: 'enterprise_name', value: '测试' }] });
    expect(after.dueAt.toISOString()).toBe('2027-01-04T02:00:00.000Z'); // 12-31, then Monday 1-4

    const overview = await getCalendarOverview(c.ctx);
    expect(overview.years[0]).toMatchObject({ year: 2027, source: 'staff', holidayCount: 10, workdayCount: 1, holidaysText: '2027-01-01~2027-01-03 元旦\n2027-02-05~2027-02-11 春节' });
    expect(overview.years.find((y) => y.year === 2026)).toMatchObject({ source: 'package' });
    const [audit] = await auditRows(t.db, 'calendar.year_saved', 'calendar:2027');
    expect(audit).toMatchObject({ actorAccountId: staff, data: { year: 2027, holidays: 10, workdays: 1 } });

    // Saving again replaces the year; removing it brings the warning back.
    await saveCalendarYear(c.ctx, staff, { year: 2027, holidays: '2027-01-01 元旦', workdays: '' });
    expect((await listCalendarDays(t.db)).map((d) => d.day)).toEqual(['2027-01-01']);
    // A line naming no holiday is kept under its kind's name.
    await saveCalendarYear(c.ctx, staff, { year: 2027, holidays: '2027-01-01', workdays: '2027-02-20' });
    expect((await listCalendarDays(t.db)).map((d) => [d.day, d.name])).toEqual([
      ['2027-01-01', '节假日'],
      ['2027-02-20', '调休上班'],
    ]);
    await removeCalendarYear(c.ctx, staff, 2027);
    expect(await getCalendarGap(c.ctx)).toEqual({ firstUncoveredDay: '2027-01-01', year: 2027 });
    await expectAppError(removeCalendarYear(c.ctx, staff, 2027), 'NOT_FOUND');
  });

  it('refuses a bad schedule beside its box, and a user', async () => {
    const staff = await newStaff(c.ctx, 'account_manager');
    const user = await newAccount(c.ctx);
    const bad = await expectAppError(saveCalendarYear(c.ctx, staff, { year: 2027, holidays: '2027-01-01', workdays: '2027-01-06' }), 'INVALID_INPUT');
    expect(bad.detail).toEqual({ field: 'workdays', reason: { code: 'calendar.schedule.workdayNotWeekend', params: { day: '2027-01-06', weekday: 3 } } });
    expect(describeError(bad.code, bad.detail)).toMatchObject({ field: 'workdays', message: '调休上班日应为周六或周日：2027-01-06 是周三' });
    await expectAppError(saveCalendarYear(c.ctx, user, FIXTURE_2027), 'FORBIDDEN');
    expect(await listCalendarDays(t.db)).toEqual([]);
  });
});
