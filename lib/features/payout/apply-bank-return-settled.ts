import { appendAudit } from '@/db/queries/audit';
import { lockBalanceEntry, updateBalanceEntry } from '@/db/queries/balance';
import { lockIncomingTransfer, updateIncomingTransfer } from '@/db/queries/recharges';
import { auditTarget } from '@/lib/domain/audit';
import { formatYuan } from '@/lib/domain/money';
import type { BankEventHandler, BankEventOutcome } from '@/lib/features/channels';
import { isUuid } from '@/lib/schemas/uuid';
import { notifyAccount } from '@/lib/features/notifications';

/**
 * The bank settled a refund (the money is back with the payer) or a withdrawal (原路提现
 * arrived), in the callback's transaction; the reference is our row's id. Settling needs
 * a refund or withdrawal we asked for — queued or accepted: the bank may report the
 * settlement before our record of its answer commits. Anything else (an unknown
 * reference, a transfer we kept, a repeat, a failed withdrawal) changes nothing.
 */
export const applyBankReturnSettled: BankEventHandler<'refund.settled' | 'withdrawal.settled'> = async (tx, event, now): Promise<BankEventOutcome> => {
  const reference = event.data.reference;
  if (!isUuid(reference)) return { status: 'ignored', outcome: 'unknown_reference' };

  if (event.type === 'refund.settled') {
    const transfer = await lockIncomingTransfer(tx, reference);
    if (!transfer) return { status: 'ignored', outcome: 'unknown_reference' };
    if (transfer.refundState !== 'pending' && transfer.refundState !== 'requested') {
      return { status: 'ignored', outcome: transfer.refundState === 'settled' ? 'refund_already_settled' : 'refund_not_requested' };
    }
    if (transfer.refundId && transfer.refundId !== event.data.refundId) return { status: 'ignored', outcome: 'refund_id_mismatch' };
    await updateIncomingTransfer(tx, transfer.id, { refundState: 'settled', refundId: event.data.refundId, updatedAt: now });
    await appendAudit(tx, {
      at: now,
      action: 'incoming_transfer.refund_settled',
      accountId: transfer.accountId,
      target: auditTarget('incoming_transfer', transfer.id),
      data: { refundId: event.data.refundId, arrivedAt: event.data.arrivedAt },
    });
    return { status: 'processed', outcome: 'refund_settled' };
  }

  const withdrawal = await lockBalanceEntry(tx, reference);
  if (!withdrawal || withdrawal.kind !== 'withdrawal') return { status: 'ignored', outcome: 'unknown_reference' };
  if (withdrawal.state !== 'pending' && withdrawal.state !== 'requested') {
    return { status: 'ignored', outcome: withdrawal.state === 'settled' ? 'withdrawal_already_settled' : 'withdrawal_not_requested' };
  }
  if (withdrawal.withdrawalId && withdrawal.withdrawalId !== event.data.withdrawalId) return { status: 'ignored', outcome: 'withdrawal_id_mismatch' };
  await updateBalanceEntry(tx, withdrawal.id, { state: 'settled', withdrawalId: event.data.withdrawalId, settledAt: new Date(event.data.arrivedAt), updatedAt: now });
  await appendAudit(tx, {
    at: now,
    action: 'balance.withdrawal_settled',
    accountId: withdrawal.accountId,
    target: auditTarget('balance_entry', withdrawal.id),
    data: { withdrawalId: event.data.withdrawalId, arrivedAt: event.data.arrivedAt },
  });
  await notifyAccount(tx, withdrawal.accountId, { kind: 'withdrawal_settled', amount: formatYuan(withdrawal.amountFen), bankAccountMasked: withdrawal.bankAccountLast4 }, now);
  return { status: 'processed', outcome: 'withdrawal_settled' };
};
