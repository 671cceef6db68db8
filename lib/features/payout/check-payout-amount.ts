import { appendAudit } from '@/db/queries/audit';
import { findEnterpriseVerification } from '@/db/queries/enterprise-verifications';
import { latestPayoutOfEnterprise, lockPayoutOfAccount } from '@/db/queries/payouts';
import { auditTarget } from '@/lib/domain/audit';
import type { Fen } from '@/lib/domain/money';
import { checkTypedAmount, MICRO_AMOUNT_CHANCES } from '@/lib/domain/verification/micro-amount';
import { AppError } from '@/lib/errors';
import { createLimiter, type LimitRule } from '@/lib/security/rate-limit';
import { completeEnterprise, failEnterprise } from '@/lib/features/enterprise';
import type { ServiceContext } from '../context';
import { lockOwnEnterprise } from '@/lib/features/enterprise';
import { isUuid } from '@/lib/schemas/uuid';
import { expirePayoutInTx } from './expire-due-payouts';
import { movePayout } from './payout-verification-steps';

/** SECURITY 28: amount entries per account (two chances need few tries; this stops guessing scripts). */
export const PAYOUT_AMOUNT_ENTRIES: LimitRule = { name: 'payout-amount-account', points: 10, durationSeconds: 10 * 60 };

export type PayoutAmountVerdict =
  | { verdict: 'correct' }
  | { verdict: 'wrong'; chancesLeft: number }
  /** No chance left (the run failed): the user must start again. */
  | { verdict: 'failed' }
  /** Not waiting for an amount (failed, expired, not arrived yet): nothing was judged. */
  | { verdict: 'refused'; reason: 'no_chances' | 'expired' | 'not_waiting' };

/**
 * R-E-PAY 5, 我已收到打款，开始校验: the typed amount against the drawn one, on the
 * server, under the payout's row lock — concurrent entries are judged one after the
 * other, so five concurrent wrong entries use exactly two chances and a third entry,
 * even the right amount, is refused (SECURITY 26). The deadline is the server's
 * (SECURITY 27): an entry after it applies the expiry instead. The right amount
 * completes the enterprise verification (R-LIM-2 enforced again there); two wrong ones
 * fail it (payout_amount_wrong). Locks: the payout, then the enterprise (as the sweeper).
 */
export async function checkPayoutAmount(ctx: ServiceContext, accountId: string, input: { verificationId: string; amountFen: Fen }): Promise<PayoutAmountVerdict> {
  const now = await ctx.clock.now();
  const enterprise = isUuid(input.verificationId) ? await findEnterpriseVerification(ctx.db, accountId, input.verificationId) : undefined;
  if (!enterprise) throw new AppError('NOT_FOUND');
  const latest = await latestPayoutOfEnterprise(ctx.db, enterprise.id);
  if (!latest) throw new AppError('NOT_FOUND');

  if (!(await createLimiter(ctx.db, PAYOUT_AMOUNT_ENTRIES).take(accountId)).allowed) {
    await appendAudit(ctx.db, { at: now, action: 'limit.payout_amount_entries', actorAccountId: accountId, accountId, data: { rule: PAYOUT_AMOUNT_ENTRIES.name } });
    throw new AppError('RATE_LIMITED', { field: 'amount' });
  }

  return ctx.db.transaction(async (tx): Promise<PayoutAmountVerdict> => {
    const row = await lockPayoutOfAccount(tx, accountId, latest.id);
    if (!row) throw new AppError('NOT_FOUND');
    const refused = async (reason: 'no_chances' | 'expired' | 'not_waiting'): Promise<PayoutAmountVerdict> => {
      await appendAudit(tx, { at: now, action: 'payout_verification.amount_refused', actorAccountId: accountId, accountId, target: auditTarget('payout_verification', row.id), data: { reason } });
      return { verdict: 'refused', reason };
    };
    if (row.state !== 'awaiting_amount' || row.amountFen === null || !row.amountDeadline) {
      return refused(row.state === 'failed' && row.failureCode === 'payout_amount_wrong' ? 'no_chances' : row.failureCode === 'payout_expired' ? 'expired' : 'not_waiting');
    }
    const check = checkTypedAmount({ amountFen: row.amountFen, chancesUsed: row.chancesUsed, deadline: row.amountDeadline }, { amountFen: input.amountFen, at: now });
    if (check.verdict === 'refused') {
      if (check.reason === 'expired') await expirePayoutInTx(tx, row, now);
      return refused(check.reason);
    }
    const ent = await lockOwnEnterprise(tx, accountId, row.enterpriseVerificationId);
    if (ent.state !== 'awaiting_bank' || ent.method !== 'payout') throw new AppError('STEP_NOT_ALLOWED');
    if (check.verdict === 'correct') {
      await movePayout(tx, row, 'amount_correct', now, { completedAt: now });
      await completeEnterprise(tx, ent, 'payout', now);
      return { verdict: 'correct' };
    }
    if (!check.exhausted) {
      await movePayout(tx, row, 'amount_wrong', now, { chancesUsed: check.chancesUsed });
      return { verdict: 'wrong', chancesLeft: MICRO_AMOUNT_CHANCES - check.chancesUsed };
    }
    await movePayout(tx, row, 'amount_wrong_last', now, { chancesUsed: check.chancesUsed, failureCode: 'payout_amount_wrong', completedAt: now });
    await failEnterprise(tx, ent, 'bank_failed', 'payout_amount_wrong', now);
    return { verdict: 'failed' };
  });
}
