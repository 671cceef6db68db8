import type { Tx } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { insertBalanceEntry } from '@/db/queries/balance';
import { insertIncomingTransfer, openRechargeCandidates, updateIncomingTransfer } from '@/db/queries/recharges';
import type { EnterpriseVerificationRow, IncomingTransferRow, RechargeVerificationRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { formatYuan } from '@/lib/domain/money';
import { attributeTransfer, MICRO_AMOUNT_CHANCES } from '@/lib/domain/verification/micro-amount';
import { text } from '@/lib/messages';
import { encryptField } from '@/lib/security/crypto';
import type { BankEventHandler, BankEventOutcome } from '@/lib/features/channels';
import { completeEnterprise } from '@/lib/features/enterprise';
import { notifyAccount } from '@/lib/features/notifications';
import { BANK_ACCOUNT_CONTEXT } from '@/db/schema';
import { failRechargeEnterprise, lockRechargeWithVerification, moveRecharge } from './recharge-verification-steps';

/** Why a transfer did not count, worded for the notice (the notifications payload still takes words). */
const WRONG_REASON = {
  wrong_amount: 'recharge.mismatch.amount',
  wrong_payer: 'recharge.mismatch.holder',
} as const;

/**
 * A transfer into the provider's receiving account (R-E-RCH 3–4), in the callback's
 * transaction. Recorded once per bank transferId: a repeated callback — even under a
 * new webhook-id — changes nothing. Then, judged by payer name and amount against the
 * open recharges (lib/domain attributeTransfer):
 * - match: the recharge succeeds, the money is credited to the balance with the account
 *   it came from, and the enterprise verification completes (R-LIM-2 re-checked there);
 * - wrong amount or payer: the money is refunded and one chance is used; the second
 *   wrong transfer fails the recharge and the verification;
 * - no open recharge it could be for (never issued, or one that ended): refunded only.
 * Refunds are queued here and sent by sendDueBankReturns (no HTTP call in a callback).
 */
export const applyIncomingTransfer: BankEventHandler<'transfer.received'> = async (tx, event, now): Promise<BankEventOutcome> => {
  const d = event.data;
  const transfer = await insertIncomingTransfer(tx, {
    transferId: d.transferId,
    payerName: d.fromName,
    payerAccountEnc: encryptField(d.fromAccount, BANK_ACCOUNT_CONTEXT),
    payerAccountLast4: d.fromAccount.slice(-4),
    amountFen: d.amountFen,
    verdict: 'unattributed',
    receivedAt: new Date(d.receivedAt),
    createdAt: now,
    updatedAt: now,
  });
  if (!transfer) return { status: 'ignored', outcome: 'transfer_already_recorded' };

  const candidates = await openRechargeCandidates(tx, { payerName: d.fromName, amountFen: d.amountFen });
  const attribution = attributeTransfer(
    candidates.map((r) => ({ id: r.id, enterpriseName: r.payerName, amountFen: r.amountFen })),
    { payerName: d.fromName, amountFen: d.amountFen },
  );
  // Locked only now (verification first, as every path does): the candidates were read without locks, so the state is checked again.
  const candidate = attribution ? candidates.find((r) => r.id === attribution.rechargeId) : undefined;
  const { enterprise, recharge } = candidate ? await lockRechargeWithVerification(tx, candidate) : { enterprise: undefined, recharge: undefined };
  // A recharge past its deadline that the sweeper has not reached yet is over all the same (SPEC §8).
  if (!attribution || !recharge || recharge.state !== 'awaiting_transfer' || recharge.deadline.getTime() <= now.getTime()) {
    await refund(tx, transfer, { verdict: 'unattributed' }, now);
    return { status: 'processed', outcome: 'transfer_unattributed_refunded' };
  }

  if (attribution.verdict === 'match') {
    await match(tx, transfer, recharge, enterprise, now);
    return { status: 'processed', outcome: 'recharge_matched' };
  }

  const chancesUsed = recharge.chancesUsed + 1;
  const last = chancesUsed >= MICRO_AMOUNT_CHANCES;
  await refund(tx, transfer, { verdict: attribution.verdict, rechargeId: recharge.id, accountId: recharge.accountId }, now);
  const moved = await moveRecharge(
    tx,
    recharge,
    last ? 'transfer_wrong_last' : 'transfer_wrong',
    now,
    last ? { chancesUsed, failureCode: 'recharge_chances_used', completedAt: now } : { chancesUsed },
    null,
    { transfer: transfer.id, verdict: attribution.verdict },
  );
  await notifyAccount(
    tx,
    recharge.accountId,
    { kind: 'recharge_transfer_refunded', amount: formatYuan(d.amountFen), reason: text(WRONG_REASON[attribution.verdict]), chancesLeft: MICRO_AMOUNT_CHANCES - chancesUsed },
    now,
  );
  if (last && moved) await failRechargeEnterprise(tx, enterprise, 'recharge_chances_used', now);
  return { status: 'processed', outcome: last ? 'recharge_chances_used' : `recharge_${attribution.verdict}` };
};

async function match(tx: Tx, transfer: IncomingTransferRow, recharge: RechargeVerificationRow, enterprise: EnterpriseVerificationRow | undefined, now: Date) {
  await updateIncomingTransfer(tx, transfer.id, { verdict: 'match', rechargeId: recharge.id, accountId: recharge.accountId, updatedAt: now });
  const moved = await moveRecharge(tx, recharge, 'transfer_matched', now, { completedAt: now }, null, { transfer: transfer.id });
  const credit = await insertBalanceEntry(tx, {
    accountId: recharge.accountId,
    kind: 'recharge_credit',
    amountFen: transfer.amountFen,
    incomingTransferId: transfer.id,
    holderName: transfer.payerName,
    bankAccountEnc: transfer.payerAccountEnc,
    bankAccountLast4: transfer.payerAccountLast4,
    state: 'settled',
    createdAt: now,
    updatedAt: now,
    settledAt: now,
  });
  await appendAudit(tx, {
    at: now,
    action: 'balance.credited',
    accountId: recharge.accountId,
    target: auditTarget('balance_entry', credit.id),
    data: { amountFen: credit.amountFen, recharge: recharge.id },
  });
  if (moved && enterprise?.state === 'awaiting_bank' && enterprise.method === 'recharge') await completeEnterprise(tx, enterprise, 'recharge', now);
}

/** Queues the transfer's refund (sendDueBankReturns asks the bank), with the verdict that caused it. */
async function refund(
  tx: Tx,
  transfer: IncomingTransferRow,
  attribution: { verdict: 'unattributed' | 'wrong_amount' | 'wrong_payer'; rechargeId?: string; accountId?: string },
  now: Date,
) {
  await updateIncomingTransfer(tx, transfer.id, {
    verdict: attribution.verdict,
    rechargeId: attribution.rechargeId ?? null,
    accountId: attribution.accountId ?? null,
    refundState: 'pending',
    updatedAt: now,
  });
  await appendAudit(tx, {
    at: now,
    action: 'incoming_transfer.refund_queued',
    accountId: attribution.accountId ?? null,
    target: auditTarget('incoming_transfer', transfer.id),
    data: { verdict: attribution.verdict, amountFen: transfer.amountFen, recharge: attribution.rechargeId ?? null },
  });
}
