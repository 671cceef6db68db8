import { latestRechargeOf, transfersOfRecharges } from '@/db/queries/recharges';
import type { IncomingTransferRow, RechargeVerificationRow } from '@/db/schema';
import { MICRO_AMOUNT_CHANCES } from '@/lib/domain/verification/micro-amount';
import { ENTERPRISE_METHOD_TIME } from '@/lib/domain/verification/enterprise-methods';
import type { Fen } from '@/lib/domain/money';
import type { ServiceContext } from '../context';
import { enterpriseAfterBankDeadline, isRechargeOverdue, rechargeAt } from '@/lib/domain/verification/bank-deadlines';
import { getEnterpriseWizard, type EnterpriseRowAt, type EnterpriseVerificationView } from '@/lib/features/enterprise';

export interface WrongTransferView {
  id: string;
  amountFen: Fen;
  payerName: string;
  /** 金额不符 / 户名不符. */
  reason: string;
  /** 已退回 / 退款中 / 退款失败. */
  refundLabel: string;
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
  /** SPEC §5.2 认证时间. */
  expectedTime: string;
  chancesLeft: number;
  chances: number;
  wrongTransfers: WrongTransferView[];
}

export type RechargePage =
  /** Nothing to show here: the wizard (or the payout page) decides. */
  | { kind: 'elsewhere'; to: string }
  /** Before 确认并校验: 付款账户 defaults to 企业名称. */
  | { kind: 'confirm'; verification: EnterpriseVerificationView; unavailable: string | null }
  | { kind: 'awaiting'; verification: EnterpriseVerificationView; recharge: RechargeView }
  | { kind: 'succeeded'; verification: EnterpriseVerificationView; recharge: RechargeView | null }
  | { kind: 'failed'; verification: EnterpriseVerificationView; recharge: RechargeView | null };

const WIZARD = '/account/verification/enterprise';

const REASON: Record<string, string> = { wrong_amount: '金额不符', wrong_payer: '户名不符' };
const REFUND_LABEL: Record<string, string> = { pending: '退款中', requested: '退款中', settled: '已退回', failed: '退款失败，请联系客服' };

/**
 * The recharge page (R-E-RCH) for the signed-in account: before the amount is issued,
 * while it waits (amount, receiving account, deadline, chances and each wrong transfer
 * with its refund), or how it ended. A pure read: a recharge past its 7 business days
 * reads expired (and the verification failed) at once, so the page never shows an
 * expired amount as open (SPEC §8); the sweeper (expire-due-recharges) writes it.
 */
export async function getRechargePage(ctx: ServiceContext, accountId: string): Promise<RechargePage> {
  const wizard = await getEnterpriseWizard(ctx, accountId, (row, now) => enterpriseAt(ctx, row, now));
  if (wizard.kind === 'verified') return { kind: 'elsewhere', to: '/account/verification' };
  if (wizard.kind !== 'verification') return { kind: 'elsewhere', to: WIZARD };
  const v = wizard.verification;

  switch (v.state) {
    case 'draft':
    case 'awaiting_channel': {
      const option = v.offer?.options.find((o) => o.method === 'recharge');
      return { kind: 'confirm', verification: v, unavailable: option?.available ? null : (option?.reason ?? '该认证方式当前不可用，请选择其他方式') };
    }
    case 'awaiting_bank': {
      if (v.method !== 'recharge') return { kind: 'elsewhere', to: v.method ? `${WIZARD}/${v.method}` : WIZARD };
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
    expectedTime: ENTERPRISE_METHOD_TIME.recharge,
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
    reason: REASON[t.verdict] ?? '',
    refundLabel: REFUND_LABEL[t.refundState ?? 'pending'] ?? '退款中',
    receivedAt: t.receivedAt,
  };
}
