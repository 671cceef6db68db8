import type { Tx } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { lockPayoutById } from '@/db/queries/payouts';
import { auditTarget } from '@/lib/domain/audit';
import { maskBankAccount } from '@/lib/domain/mask';
import { payoutAmountDeadline, payoutBankFailureText } from '@/lib/domain/verification/payout-outcome';
import { formatDateTimeLong } from '@/lib/format/date-time';
import { text } from '@/lib/messages';
import { decryptField } from '@/lib/security/crypto';
import type { BankEventHandler, BankEventOutcome } from '@/lib/features/channels';
import { notifyAccount } from '@/lib/features/notifications';
import { movePayout } from './payout-verification-steps';
import { PAYOUT_BANK_ACCOUNT_CONTEXT } from '@/db/schema';
import { notifyPayoutSent, parsePayoutReference, payoutReference } from './send-approved-payouts';

/**
 * The bank's word on a payout (R-E-PAY 4–5), in the callback batch's transaction:
 * - `payout.settled` → the amount can be typed for 7 days from its arrival
 *   (awaiting_amount), and the user is told (payout_arrived);
 * - `payout.failed` (account name ≠ 企业名称, unknown account) → 打款失败 (payout_failed),
 *   the user is told and may correct the bank details and resubmit.
 * Only the run's current attempt, in payout_pending, moves: a repeated, late or
 * out-of-order event (settled after failed, an old attempt's) changes nothing. The
 * callback may arrive before the request's answer was stored; its payoutId is taken then.
 */
export const applyPayoutResult: BankEventHandler<'payout.settled' | 'payout.failed'> = async (tx: Tx, event, now): Promise<BankEventOutcome> => {
  const ref = parsePayoutReference(event.data.reference);
  const row = ref ? await lockPayoutById(tx, ref.id) : undefined;
  const ignore = async (outcome: string): Promise<BankEventOutcome> => {
    await appendAudit(tx, {
      at: now,
      action: 'payout_verification.bank_event_ignored',
      accountId: row?.accountId ?? null,
      target: row ? auditTarget('payout_verification', row.id) : null,
      data: { type: event.type, payoutId: event.data.payoutId, outcome },
    });
    return { status: 'ignored', outcome };
  };
  if (!row) return ignore('unknown_payout');
  if (payoutReference(row) !== event.data.reference || (row.bankPayoutId !== null && row.bankPayoutId !== event.data.payoutId)) return ignore('superseded');
  if (row.state !== 'payout_pending') return ignore(`already_${row.state}`);

  const bankAccountMasked = maskBankAccount(decryptField(row.bankAccountEnc, PAYOUT_BANK_ACCOUNT_CONTEXT));
  if (event.type === 'payout.settled') {
    // Settled before the request's answer was stored (a bank without delay): the user still hears first that it was sent.
    if (row.bankPayoutId === null) await notifyPayoutSent(tx, row.accountId, bankAccountMasked, now);
    const arrivedAt = new Date(event.data.arrivedAt);
    const amountDeadline = payoutAmountDeadline(arrivedAt);
    await movePayout(tx, row, 'payout_arrived', now, { bankPayoutId: event.data.payoutId, payoutRequestedAt: row.payoutRequestedAt ?? now, arrivedAt, amountDeadline }, null);
    await notifyAccount(tx, row.accountId, { kind: 'payout_arrived', bankAccountMasked, deadline: formatDateTimeLong(amountDeadline) }, now);
    return { status: 'processed', outcome: 'payout_arrived' };
  }
  const reason = event.data.reason;
  await movePayout(tx, row, 'payout_failed', now, { bankPayoutId: event.data.payoutId, payoutRequestedAt: row.payoutRequestedAt ?? now, failureCode: reason }, null);
  await notifyAccount(tx, row.accountId, { kind: 'payout_failed', reason: text(payoutBankFailureText(reason)) }, now);
  return { status: 'processed', outcome: 'payout_failed' };
};
