import { latestRechargeOf, transfersOfRecharges } from '@/db/queries/recharges';
import type { IncomingTransferRow, RechargeVerificationRow } from '@/db/schema';
import { MICRO_AMOUNT_CHANCES } from '@/lib/domain/verification/micro-amount';
import type { Fen } from '@/lib/domain/money';
import type { MessageCode } from '@/lib/messages';
import type { ServiceContext } from '../context';
import { enterpriseAfterBankDeadline, isRechargeOverdue, rechargeAt } from '@/lib/domain/verification/bank-deadlines';
import { getEnterpriseWizard, type EnterpriseRowAt, type EnterpriseVerificationView } from '@/lib/features/enterprise';

export interface WrongTransferView {
  id: string;
  amountFen: Fen;
  payerName: string;
  /** 金额不符 / 户名不符: the catalogue's key. */
  reason: MessageCode | null;
  /** 已退回 / 退款中 / 退款失败: the catalogue's key. */
  refundLabel: MessageCode;
  receivedAt: Date;
}

export interface RechargeView {
  id: string;
  state: RechargeVerificationRow['state'];
  payerName: string;
  /** Shown to its owner: the amount to transfer (not a secret from them; only an exact transfer proves the account). */
  amountFen: Fen;
  receiving: { holderName: string; accountNumber: string; bank: string };
  deadline: Date;
  /** SPEC §5.2 认证时间: the catalogue's key. */
  expectedTime: 'verification.methodTime.recharge';
  chancesLeft: number;
  chances: number;
  wrongTransfers: WrongTransferView[];
}

export type RechargePage =
  /** Nothing to show here: the wizard (or the payout page) decides. */
  | { kind: 'elsewhere'; to: RechargeElsewhere }
  /** Before 确认并校验: 付款账户 defaults to 企业名称. */
  | { kind: 'confirm'; verification: EnterpriseVerificationView; unavailable: MessageCode | null }
  | { kind: 'awaiting'; verification: EnterpriseVerificationView; recharge: RechargeView }
  | { kind: 'succeeded'; verification: EnterpriseVerificationView; recharge: RechargeView | null }
  | { kind: 'failed'; verification: EnterpriseVerificationView; recharge: RechargeView | null };

/** Where the page sends the user instead (a route identifier; app/_lib/routes.ts knows the URLs). */
export type RechargeElsewhere = 'verification' | 'verification.enterprise' | 'verification.enterprise.payout';

const WIZARD = 'verification.enterprise';

const REASON: Record<string, MessageCode> = { wrong_amount: 'recharge.attempt.amount', wrong_payer: 'recharge.attempt.holder' };
const REFUND_LABEL: Record<string, MessageCode> = {
  pending: 'recharge.refund.pending',
  requested: 'recharge.refund.pending',
  settled: 'recharge.refund.settled',
  failed: 'recharge.refund.failed',
};

/**
 * The recharge page (R-E-RCH) for the signed-in account: before the amount is issued,
 * while it waits (amount, receiving account, deadline, chances and each wrong transfer
 * with its refund), or how it ended. A pure read: a recharge past its 7 business days
 * reads expired (and the verification failed) at once, so the page never shows an
 * expired amount as open (SPEC §8); the sweeper (expire-due-recharges) writes it.
 */
export async function getRechargePage(ctx: ServiceContext, accountId: string): Promise<RechargePage> {
  const wizard = await getEnterpriseWizard(ctx, accountId, (row, now) => enterpriseAt(ctx, row, now));
  if (wizard.kind === 'verified') return { kind: 'elsewhere', to: 'verification' };
  if (wizard.kind !== 'verification') return { kind: 'elsewhere', to: WIZARD };
  const v = wizard.verification;

  switch (v.state) {
    case 'draft':
    case 'awaiting_channel': {
      const option = v.offer?.options.find((o) => o.method === 'recharge');
      return { kind: 'confirm', verification: v, unavailable: option?.available ? null : (option?.reason ?? 'error.METHOD_UNAVAILABLE') };
    }
    case 'awaiting_bank': {
      if (v.method !== 'recharge') return { kind: 'elsewhere', to: v.method === 'payout' ? 'verification.enterprise.payout' : WIZARD };
      const recharge = await rechargeView(ctx, v.id);
      // A recharge always exists in awaiting_bank with method recharge (one transaction starts both).
      if (!recharge) return { kind: 'elsewhere', to: WIZARD };
      return { kind: 'awaiting', verification: v, recharge };
    }
    case 'succeeded':
    case 'failed':
      if (v.method !== 'recharge') return { kind: 'elsewhere', to: WIZARD };
      return { kind: v.state, verification: v, recharge: await rechargeView(ctx, v.id) };
    default:
      return { kind: 'elsewhere', to: WIZARD };
  }
}

/** The verification as its recharge's passed deadline will leave it (failed, recharge_expired). */
const enterpriseAt = async (ctx: ServiceContext, row: Parameters<EnterpriseRowAt>[0], now: Date) => {
  if (row.state !== 'awaiting_bank' || row.method !== 'recharge') return row;
  const open = await latestRechargeOf(ctx.db, row.id);
  return open && isRechargeOverdue(open, now) ? enterpriseAfterBankDeadline(row, 'recharge', 'recharge_expired', open.deadline) : row;
};

async function rechargeView(ctx: ServiceContext, enterpriseVerificationId: string): Promise<RechargeView | null> {
  const stored = await latestRechargeOf(ctx.db, enterpriseVerificationId);
  if (!stored) return null;
  const recharge = rechargeAt(stored, await ctx.clock.now());
  const transfers = await transfersOfRecharges(ctx.db, [recharge.id]);
  return {
    id: recharge.id,
    state: recharge.state,
    payerName: recharge.payerName,
    amountFen: recharge.amountFen,
    receiving: { holderName: recharge.receivingHolderName, accountNumber: recharge.receivingAccountNumber, bank: recharge.receivingBank },
    deadline: recharge.deadline,
    expectedTime: 'verification.methodTime.recharge',
    chancesLeft: Math.max(0, MICRO_AMOUNT_CHANCES - recharge.chancesUsed),
    chances: MICRO_AMOUNT_CHANCES,
    wrongTransfers: transfers.filter((t) => t.verdict === 'wrong_amount' || t.verdict === 'wrong_payer').map(wrongTransferView),
  };
}

function wrongTransferView(t: IncomingTransferRow): WrongTransferView {
  return {
    id: t.id,
    amountFen: t.amountFen,
    payerName: t.payerName,
    reason: REASON[t.verdict] ?? null,
    refundLabel: REFUND_LABEL[t.refundState ?? 'pending'] ?? 'recharge.refund.pending',
    receivedAt: t.receivedAt,
  };
}
