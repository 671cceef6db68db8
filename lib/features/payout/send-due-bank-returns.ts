import type { Tx } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { listDueWithdrawals, lockBalanceEntry, updateBalanceEntry } from '@/db/queries/balance';
import { listDueRefunds, lockIncomingTransfer, updateIncomingTransfer } from '@/db/queries/recharges';
import type { BalanceEntryRow, IncomingTransferRow } from '@/db/schema';
import { requestRefund, requestWithdrawal } from '@/lib/channels/bank';
import { ChannelFailure } from '@/lib/channels/http-client';
import { auditTarget, type AuditAction } from '@/lib/domain/audit';
import { withdrawalFailure } from '@/lib/domain/balance';
import { formatYuan } from '@/lib/domain/money';
import { text } from '@/lib/messages';
import { decryptField } from '@/lib/security/crypto';
import { notifyAccount } from '@/lib/features/notifications';
import { BANK_ACCOUNT_CONTEXT } from '@/db/schema';
import { sendChannelRequest, type ChannelServiceContext } from '@/lib/features/channels';

export interface BankReturnsReport {
  refunds: { requested: number; retry: number; failed: number };
  withdrawals: { requested: number; retry: number; failed: number };
}

/**
 * Sends the queued refunds (wrong or unattributed transfers) and withdrawals (原路提现)
 * to the bank, each through sendChannelRequest: the idempotency key is saved before the
 * call and reused after a crash, a timeout or a 5xx, so the bank moves the money once
 * (SECURITY 30). A timeout or 5xx leaves the row queued for the next tick (SECURITY 31);
 * a 409 already_refunded means the bank has the refund: done. A refused withdrawal
 * (422) fails and its money is back on the balance. Two workers at once share each
 * request (the per-reference lock of sendChannelRequest).
 */
export async function sendDueBankReturns(ctx: ChannelServiceContext, options: { limit?: number } = {}): Promise<BankReturnsReport> {
  const limit = options.limit ?? 50;
  const report: BankReturnsReport = { refunds: { requested: 0, retry: 0, failed: 0 }, withdrawals: { requested: 0, retry: 0, failed: 0 } };
  for (const transfer of await listDueRefunds(ctx.db, limit)) report.refunds[await sendRefund(ctx, transfer)] += 1;
  for (const withdrawal of await listDueWithdrawals(ctx.db, limit)) report.withdrawals[await sendWithdrawal(ctx, withdrawal)] += 1;
  return report;
}

type Sent = 'requested' | 'retry' | 'failed';

async function sendRefund(ctx: ChannelServiceContext, transfer: IncomingTransferRow): Promise<Sent> {
  try {
    await sendChannelRequest(
      ctx,
      { channel: 'bank', operation: 'refund', reference: transfer.id },
      {
        existing: async (tx) => ((await lockIncomingTransfer(tx, transfer.id))?.refundState === 'pending' ? undefined : 'done'),
        call: (key, transport) => requestRefund({ reference: transfer.id, transferId: transfer.transferId }, key, transport),
        settle: async (tx, answer, _key, now) => {
          await markRefund(tx, transfer, { refundState: 'requested', refundId: answer.refundId }, now, 'incoming_transfer.refund_requested');
          return 'done';
        },
      },
    );
    return 'requested';
  } catch (error) {
    if (!(error instanceof ChannelFailure)) throw error;
    // The outcome is unknown (or the answer unreadable): ask again next tick; the bank answers a second refund with 409.
    if (error.kind !== 'rejected') return 'retry';
    const now = await ctx.clock.now();
    const done = error.info.providerCode === 'already_refunded';
    await ctx.db.transaction((tx) =>
      markRefund(
        tx,
        transfer,
        done ? { refundState: 'requested' } : { refundState: 'failed', refundFailure: error.info.providerCode ?? 'rejected' },
        now,
        done ? 'incoming_transfer.refund_requested' : 'incoming_transfer.refund_failed',
      ),
    );
    return done ? 'requested' : 'failed';
  }
}

async function markRefund(
  tx: Tx,
  transfer: IncomingTransferRow,
  values: Pick<IncomingTransferRow, 'refundState'> & Partial<Pick<IncomingTransferRow, 'refundId' | 'refundFailure'>>,
  now: Date,
  action: AuditAction,
) {
  const row = await lockIncomingTransfer(tx, transfer.id);
  // Settled early by the bank's callback, or marked by a concurrent sender: nothing to do.
  if (row?.refundState !== 'pending') return;
  await updateIncomingTransfer(tx, transfer.id, { ...values, updatedAt: now });
  await appendAudit(tx, {
    at: now,
    action,
    accountId: row.accountId,
    target: auditTarget('incoming_transfer', row.id),
    data: { refundId: values.refundId ?? null, failure: values.refundFailure ?? null },
  });
}

async function sendWithdrawal(ctx: ChannelServiceContext, withdrawal: BalanceEntryRow): Promise<Sent> {
  try {
    await sendChannelRequest(
      ctx,
      { channel: 'bank', operation: 'withdrawal', reference: withdrawal.id },
      {
        existing: async (tx) => ((await lockBalanceEntry(tx, withdrawal.id))?.state === 'pending' ? undefined : 'done'),
        call: (key, transport) =>
          requestWithdrawal(
            {
              reference: withdrawal.id,
              toAccount: decryptField(withdrawal.bankAccountEnc, BANK_ACCOUNT_CONTEXT),
              holderName: withdrawal.holderName,
              amountFen: withdrawal.amountFen,
            },
            key,
            transport,
          ),
        settle: async (tx, answer, _key, now) => {
          const row = await lockBalanceEntry(tx, withdrawal.id);
          if (row?.state !== 'pending') return 'done';
          await updateBalanceEntry(tx, row.id, { state: 'requested', withdrawalId: answer.withdrawalId, updatedAt: now });
          await appendAudit(tx, { at: now, action: 'balance.withdrawal_requested', accountId: row.accountId, target: auditTarget('balance_entry', row.id), data: { withdrawalId: answer.withdrawalId } });
          return 'done';
        },
      },
    );
    return 'requested';
  } catch (error) {
    if (!(error instanceof ChannelFailure)) throw error;
    if (error.outcomeUnknown) return 'retry';
    const now = await ctx.clock.now();
    await ctx.db.transaction(async (tx) => {
      const row = await lockBalanceEntry(tx, withdrawal.id);
      if (row?.state !== 'pending') return;
      if (error.kind !== 'rejected') {
        // A 2xx we cannot read: the bank may have the withdrawal. Never retried under a new key (a second payment)
        // nor given back to the balance; its settlement callback will close it.
        await updateBalanceEntry(tx, row.id, { state: 'requested', failureCode: 'bad_response', updatedAt: now });
        await appendAudit(tx, { at: now, action: 'balance.withdrawal_unconfirmed', accountId: row.accountId, target: auditTarget('balance_entry', row.id), data: { failure: error.kind } });
        return;
      }
      const failure = error.info.providerCode ?? 'rejected';
      await updateBalanceEntry(tx, row.id, { state: 'failed', failureCode: failure, updatedAt: now });
      await appendAudit(tx, { at: now, action: 'balance.withdrawal_failed', accountId: row.accountId, target: auditTarget('balance_entry', row.id), data: { failure, httpStatus: error.info.httpStatus ?? null } });
      await notifyAccount(tx, row.accountId, { kind: 'withdrawal_failed', amount: formatYuan(row.amountFen), reason: text(`balance.withdrawalFailed.${withdrawalFailure(failure)}`) }, now);
    });
    return error.kind === 'rejected' ? 'failed' : 'retry';
  }
}
