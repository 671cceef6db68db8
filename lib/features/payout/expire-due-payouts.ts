import type { Tx } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { lockEnterpriseVerificationById } from '@/db/queries/enterprise-verifications';
import { claimExpiredPayouts, claimUnremindedPayouts, updatePayoutVerification } from '@/db/queries/payouts';
import type { PayoutVerificationRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { isReminderDue, reminderHorizon } from '@/lib/domain/business-days';
import { formatDateTimeLong } from '@/lib/format/date-time';
import { failEnterprise } from '@/lib/features/enterprise';
import type { ServiceContext } from '../context';
import { getBusinessCalendar } from '@/lib/features/calendar';
import { notifyAccount } from '@/lib/features/notifications';
import { movePayout } from './payout-verification-steps';
import { text } from '@/lib/messages';

const BATCH = 50;
/** What the deadline notices name (the notifications payload still takes words). */
const WHAT = text('payout.deadline.what');

/**
 * R-E-PAY 5: 7 days after arrival without the right amount, the verification fails
 * (payout_expired) and the user is told (deadline_passed + verification_failed). The
 * payout row is locked by the caller, then the enterprise row (the amount check takes
 * them in the same order). Used by the sweeper and when a page reads a passed deadline.
 */
export async function expirePayoutInTx(tx: Tx, row: PayoutVerificationRow, now: Date): Promise<boolean> {
  if (row.state !== 'awaiting_amount' || !row.amountDeadline || row.amountDeadline.getTime() > now.getTime()) return false;
  await movePayout(tx, row, 'deadline_passed', now, { failureCode: 'payout_expired', completedAt: now }, null);
  await notifyAccount(tx, row.accountId, { kind: 'deadline_passed', what: WHAT }, now);
  const enterprise = await lockEnterpriseVerificationById(tx, row.enterpriseVerificationId);
  if (enterprise?.state === 'awaiting_bank' && enterprise.method === 'payout') await failEnterprise(tx, enterprise, 'bank_failed', 'payout_expired', now);
  return true;
}

/**
 * The payout sweeper (SPEC §8): reminds once when the amount deadline is one business
 * day away (deadline_approaching), and expires the passed ones. Rows are claimed FOR
 * UPDATE SKIP LOCKED, so two sweepers at once touch each row once; a deadline that
 * passed while the server was down applies on the first run.
 */
export async function expireDuePayouts(ctx: ServiceContext): Promise<{ expired: number; reminded: number }> {
  const now = await ctx.clock.now();
  const calendar = await getBusinessCalendar(ctx.db);
  const expired = await ctx.db.transaction(async (tx) => {
    let n = 0;
    for (const row of await claimExpiredPayouts(tx, now, BATCH)) if (await expirePayoutInTx(tx, row, now)) n += 1;
    return n;
  });
  const reminded = await ctx.db.transaction(async (tx) => {
    let n = 0;
    for (const row of await claimUnremindedPayouts(tx, reminderHorizon(now), BATCH)) {
      if (!row.amountDeadline || !isReminderDue(calendar, row.amountDeadline, now)) continue;
      await updatePayoutVerification(tx, row, { remindedAt: now, updatedAt: now });
      await notifyAccount(tx, row.accountId, { kind: 'deadline_approaching', what: WHAT, deadline: formatDateTimeLong(row.amountDeadline) }, now);
      await appendAudit(tx, { at: now, action: 'payout_verification.reminded', accountId: row.accountId, target: auditTarget('payout_verification', row.id), data: { deadline: row.amountDeadline } });
      n += 1;
    }
    return n;
  });
  return { expired, reminded };
}
