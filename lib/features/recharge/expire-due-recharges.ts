import type { Tx } from '@/db/client';
import { claimDueRechargeReminders, claimOverdueRecharges, lockEnterpriseOfRechargeSkipLocked, updateRecharge } from '@/db/queries/recharges';
import { appendAudit } from '@/db/queries/audit';
import type { EnterpriseVerificationRow, RechargeVerificationRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { beijingMinute } from '@/lib/messages/beijing-time';
import type { ServiceContext } from '../context';
import { notifyAccount } from '@/lib/features/notifications';
import { failRechargeEnterprise, moveRecharge } from './recharge-verification-steps';
import { text } from '@/lib/messages';

/** What the deadline notices name (the notifications payload still takes words). */
const WHAT = text('recharge.deadline.what');

/**
 * The recharge sweeper (SPEC §8, SECURITY 31): a recharge whose 7 business days have
 * passed expires (the verification fails with `recharge_expired`, the user is told),
 * including one that passed while the server was down; one business day before, the
 * user is reminded once. Rows are claimed FOR UPDATE SKIP LOCKED and moved under the
 * state table, so two sweepers at once expire and remind each recharge once.
 */
export async function expireDueRecharges(ctx: ServiceContext, options: { limit?: number } = {}): Promise<{ expired: number; reminded: number }> {
  const now = await ctx.clock.now();
  const limit = options.limit ?? 100;
  return ctx.db.transaction(async (tx) => {
    let expired = 0;
    for (const recharge of await claimOverdueRecharges(tx, now, limit)) {
      // Its verification busy (a cancel, a transfer): the next tick, or that path, settles it.
      const enterprise = await lockEnterpriseOfRechargeSkipLocked(tx, recharge.enterpriseVerificationId);
      if (!enterprise) continue;
      if (await expireRechargeInTx(tx, enterprise, recharge, now)) expired += 1;
    }
    let reminded = 0;
    for (const recharge of await claimDueRechargeReminders(tx, now, limit)) {
      await updateRecharge(tx, recharge.id, { remindedAt: now, updatedAt: now });
      await appendAudit(tx, { at: now, action: 'recharge_verification.reminded', accountId: recharge.accountId, target: auditTarget('recharge_verification', recharge.id), data: { deadline: recharge.deadline.toISOString() } });
      await notifyAccount(tx, recharge.accountId, { kind: 'deadline_approaching', what: WHAT, deadline: beijingMinute(recharge.deadline) }, now);
      reminded += 1;
    }
    return { expired, reminded };
  });
}

/** Expires one locked open recharge past its deadline (its verification locked too); false when it was not due (or no longer open). */
export async function expireRechargeInTx(tx: Tx, enterprise: EnterpriseVerificationRow, recharge: RechargeVerificationRow, now: Date): Promise<boolean> {
  if (recharge.deadline.getTime() > now.getTime()) return false;
  const moved = await moveRecharge(tx, recharge, 'deadline_passed', now, { failureCode: 'recharge_expired', completedAt: now });
  if (!moved) return false;
  await notifyAccount(tx, recharge.accountId, { kind: 'deadline_passed', what: WHAT }, now);
  await failRechargeEnterprise(tx, enterprise, 'recharge_expired', now);
  return true;
}
