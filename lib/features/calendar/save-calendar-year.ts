import { appendAudit } from '@/db/queries/audit';
import { replaceCalendarYear } from '@/db/queries/calendar';
import { auditTarget } from '@/lib/domain/audit';
import { parseYearSchedule } from '@/lib/domain/business-days-schedule';
import { BACK_OFFICE_ROLES } from '@/lib/domain/review/staff';
import { AppError } from '@/lib/errors';
import { text } from '@/lib/messages';
import { authorizeReviewStaff } from '@/lib/features/account';
import type { ServiceContext } from '../context';

/**
 * Staff enter a year's official schedule (SPEC §1) — holidays and 调休 working days —
 * for years the calendar package does not know yet. It replaces whatever that year had
 * (the package's data too), in one transaction with its audit row.
 */
export async function saveCalendarYear(ctx: ServiceContext, actorAccountId: string, input: { year: number; holidays: string; workdays: string }) {
  const now = await ctx.clock.now();
  await authorizeReviewStaff(ctx.db, actorAccountId, BACK_OFFICE_ROLES, now, 'calendar.save');
  const schedule = parseYearSchedule(input.year, input.holidays, input.workdays);
  if (!schedule.ok) throw new AppError('INVALID_INPUT', { field: schedule.field, reason: schedule.problem });
  const holidays = schedule.days.filter((d) => d.kind === 'holiday').length;
  await ctx.db.transaction(async (tx) => {
    // A line that names no holiday is stored under its kind's name, written here like a 站内信 is when sent.
    const days = schedule.days.map((d) => ({ ...d, name: d.name ?? text(`calendar.unnamedDay.${d.kind}`) }));
    await replaceCalendarYear(tx, input.year, days, { enteredBy: actorAccountId, enteredAt: now });
    await appendAudit(tx, {
      at: now,
      action: 'calendar.year_saved',
      actorAccountId,
      target: auditTarget('calendar', input.year),
      data: { year: input.year, holidays, workdays: schedule.days.length - holidays },
    });
  });
  return { year: input.year, days: schedule.days.length };
}
