import { desc } from 'drizzle-orm';
import { normaliseText } from '@/lib/domain/normalise';
import { addBusinessDays } from '../business-days';
import { enqueueCallback } from '../callbacks';
import { conflict, invalidField, SimError } from '../errors';
import { newId } from '../ids';
import { outgoingPayments, type PayoutFailure } from '../schema';
import type { Executor } from '../world';
import { findBankAccount, readBankSettings } from './accounts';
import { bankCallbackUrl } from './receiving-account';
import { findTransfer } from './transfers';

/**
 * Money the bank sends on the product's request (payouts for R-E-PAY, refunds and
 * withdrawals for R-E-RCH). Each arrives after the configured number of business
 * days (SPEC §1 calendar); `settleDuePayments` credits it when that moment passes.
 * All of these run inside the transaction of the idempotent request.
 */

async function settleAtFrom(tx: Executor, now: Date): Promise<Date> {
  const { payoutDelayBusinessDays } = await readBankSettings(tx);
  return addBusinessDays(now, payoutDelayBusinessDays);
}

function sameHolder(a: string, b: string): boolean {
  return normaliseText(a) === normaliseText(b);
}

/** R-E-PAY step 4: a random-cent payout; it fails when the account is unknown or its holder name differs. */
export async function requestPayout(
  tx: Executor,
  now: Date,
  input: { reference: string; toAccount: string; holderName: string; bank: string; amountFen: number },
) {
  const settleAt = await settleAtFrom(tx, now);
  const account = await findBankAccount(tx, input.toAccount);
  const failure: PayoutFailure | null = !account ? 'account_not_found' : sameHolder(account.holderName, input.holderName) ? null : 'holder_name_mismatch';
  const id = newId('pay');
  await tx.insert(outgoingPayments).values({
    id,
    kind: 'payout',
    ...input,
    status: failure ? 'failed' : 'pending',
    failureReason: failure,
    requestedAt: now,
    settleAt,
  });
  // The receiving bank checks account and holder at once: the failure is reported without waiting for settlement.
  if (failure) {
    await enqueueCallback(tx, { channel: 'bank', url: bankCallbackUrl(), type: 'payout.failed', data: { payoutId: id, reference: input.reference, reason: failure } }, now);
  }
  return { payoutId: id, status: 'pending' as const, expectedArrival: settleAt.toISOString() };
}

/** R-E-RCH step 4: returns a transfer to the account it came from; a transfer is refunded at most once. */
export async function requestRefund(tx: Executor, now: Date, input: { reference: string; transferId: string }) {
  const transfer = await findTransfer(tx, input.transferId);
  if (!transfer) throw invalidField('transferId', '没有这笔转账');
  const id = newId('rfd');
  const inserted = await tx
    .insert(outgoingPayments)
    .values({
      id,
      kind: 'refund',
      reference: input.reference,
      toAccount: transfer.fromAccount,
      holderName: transfer.fromName,
      amountFen: transfer.amountFen,
      transferId: transfer.id,
      status: 'pending',
      requestedAt: now,
      settleAt: await settleAtFrom(tx, now),
    })
    .onConflictDoNothing()
    .returning({ id: outgoingPayments.id });
  if (inserted.length === 0) throw conflict('already_refunded', '这笔转账已退款', 'transferId');
  return { refundId: id };
}

/** 原路提现: money from the balance back to the enterprise's own account. */
export async function requestWithdrawal(tx: Executor, now: Date, input: { reference: string; toAccount: string; holderName: string; amountFen: number }) {
  const account = await findBankAccount(tx, input.toAccount);
  if (!account) throw new SimError(422, 'account_not_found', '收款账户不存在', 'toAccount');
  if (!sameHolder(account.holderName, input.holderName)) throw new SimError(422, 'holder_name_mismatch', '收款户名与账户不一致', 'holderName');
  const id = newId('wdl');
  await tx.insert(outgoingPayments).values({
    id,
    kind: 'withdrawal',
    ...input,
    status: 'pending',
    requestedAt: now,
    settleAt: await settleAtFrom(tx, now),
  });
  return { withdrawalId: id };
}

export async function listPayments(db: Executor, limit = 100) {
  return db.select().from(outgoingPayments).orderBy(desc(outgoingPayments.requestedAt)).limit(limit);
}
