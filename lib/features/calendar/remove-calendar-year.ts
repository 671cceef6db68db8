import { appendAudit } from '@/db/queries/audit';
import { deleteCalendarYear } from '@/db/queries/calendar';
import { auditTarget } from '@/lib/domain/audit';
import { BACK_OFFICE_ROLES } from '@/lib/domain/review/staff';
import { AppError } from '@/lib/errors';
import { authorizeReviewStaff } from '@/lib/features/account';
import type { ServiceContext } from '../context';

/** Removes a staff-entered year (the package's data, if any, applies again). */
export async function removeCalendarYear(ctx: ServiceContext, actorAccountId: string, year: number) {
  const now = await ctx.clock.now();
  await authorizeReviewStaff(ctx.db, actorAccountId, BACK_OFFICE_ROLES, now, 'calendar.remove');
  await ctx.db.transaction(async (tx) => {
    const removed = await deleteCalendarYear(tx, year);
    if (removed === 0) throw new AppError('NOT_FOUND');
    await appendAudit(tx, { at: now, action: 'calendar.year_removed', actorAccountId, target: auditTarget('calendar', year), data: { year, days: removed } });
  });
}
