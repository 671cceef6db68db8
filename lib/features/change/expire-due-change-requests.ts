import { appendAudit } from '@/db/queries/audit';
import { claimUnremindedChangeRequests, findOverdueChangeRequests, markChangeRequestReminded } from '@/db/queries/change-requests';
import type { ChangeRequestRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { isReminderDue, reminderHorizon } from '@/lib/domain/business-days';
import { AppError } from '@/lib/errors';
import { formatDateTimeLong } from '@/lib/format/date-time';
import type { ServiceContext } from '../context';
import { emitWebhookEvent } from '@/lib/features/notifications';
import { endChangeRequestInTx } from './end-change-request';
import { getBusinessCalendar } from '@/lib/features/calendar';
import { notifyAccount } from '@/lib/features/notifications';

/**
 * The change sweeper (SPEC §8, R-CHG-E1): an A → B request whose 7 days have passed
 * expires — including one that passed while the server was down — closing what it opened
 * (end-change-request.ts); the owner is told and `change.expired` queued. Each request
 * ends in a transaction of its own, so two sweepers (or a sweeper and a step action) expire it
 * once: the second waits on the locks and finds it ended. A request that cannot end now
 * (its linked payout already approved) is left for the next tick. Before that, the owner
 * is reminded once when the deadline is one business day away (deadline_approaching).
 */
export async function expireDueChangeRequests(ctx: ServiceContext, options: { limit?: number } = {}): Promise<{ expired: number; reminded: number }> {
  const now = await ctx.clock.now();
  const limit = options.limit ?? 100;
  let expired = 0;
  for (const row of await findOverdueChangeRequests(ctx.db, now, limit)) {
    try {
      if (await expireChangeRequest(ctx, row, now)) expired += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return { expired, reminded: await remindDueChangeRequests(ctx, now, limit) };
}

const WHAT = { code: 'notification.what.change_request' } as const;

async function remindDueChangeRequests(ctx: ServiceContext, now: Date, limit: number): Promise<number> {
  const calendar = await getBusinessCalendar(ctx.db);
  return ctx.db.transaction(async (tx) => {
    let reminded = 0;
    for (const row of await claimUnremindedChangeRequests(tx, reminderHorizon(now), limit)) {
      if (!row.expiresAt || !isReminderDue(calendar, row.expiresAt, now)) continue;
      await markChangeRequestReminded(tx, row.id, now);
      await notifyAccount(tx, row.accountId, { kind: 'deadline_approaching', what: WHAT, deadline: formatDateTimeLong(row.expiresAt) }, now);
      await appendAudit(tx, { at: now, action: 'change_request.reminded', accountId: row.accountId, target: auditTarget('change_request', row.id), data: { deadline: row.expiresAt } });
      reminded += 1;
    }
    return reminded;
  });
}

async function expireChangeRequest(ctx: ServiceContext, row: ChangeRequestRow, now: Date): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const result = await endChangeRequestInTx(tx, row, 'expire', now, null);
    if (!result) return false;
    await notifyAccount(tx, row.accountId, { kind: 'change_expired' }, now);
    await emitWebhookEvent(tx, row.accountId, 'change.expired', { changeRequestId: row.id, type: row.type, state: result.from }, now);
    return true;
  });
}
