import { listBalanceEntries } from '@/db/queries/balance';
import { balanceOf, creditRemaining, withdrawalFailureText } from '@/lib/domain/balance';
import { maskBankAccount } from '@/lib/domain/mask';
import type { Fen } from '@/lib/domain/money';
import type { ServiceContext } from '../context';

export interface BalanceEntryView {
  id: string;
  kind: 'recharge_credit' | 'withdrawal';
  /** 充值认证入账 / 原路提现: the catalogue's key. */
  label: `account.balance.kind.${'recharge_credit' | 'withdrawal'}`;
  amountFen: Fen;
  /** 已入账 / 处理中 / 已到账 / 提现失败: the catalogue's key. */
  stateLabel: ReturnType<typeof stateLabel>;
  state: 'pending' | 'requested' | 'settled' | 'failed';
  /** The paying account (credits) or the account paid back, masked (SPEC §9). */
  holderName: string;
  bankAccountMasked: string;
  at: Date;
  /** Credits: what 原路提现 would send back now (0: nothing left). */
  withdrawableFen: Fen;
  /** Failed withdrawals: why, in Chinese. */
  failureText: string | null;
}

export interface BalanceView {
  balanceFen: Fen;
  entries: BalanceEntryView[];
}

/** A credit is 已入账 whatever its row's state; a withdrawal is worded by its state. */
function stateLabel(kind: 'recharge_credit' | 'withdrawal', state: 'pending' | 'requested' | 'settled' | 'failed') {
  return kind === 'recharge_credit' ? ('account.balance.state.recharge_credit' as const) : (`account.balance.state.withdrawal.${state}` as const);
}

/** 余额 and its history for the signed-in account only. */
export async function getBalance(ctx: ServiceContext, accountId: string): Promise<BalanceView> {
  const rows = await listBalanceEntries(ctx.db, accountId);
  return {
    balanceFen: balanceOf(rows),
    entries: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      label: `account.balance.kind.${r.kind}` as const,
      amountFen: r.amountFen,
      state: r.state,
      stateLabel: stateLabel(r.kind, r.state),
      holderName: r.holderName,
      bankAccountMasked: maskBankAccount(r.bankAccountLast4),
      at: r.createdAt,
      withdrawableFen: r.kind === 'recharge_credit' ? creditRemaining(r, rows.filter((w) => w.creditEntryId === r.id)) : 0,
      failureText: r.kind === 'withdrawal' && r.state === 'failed' ? withdrawalFailureText(r.failureCode) : null,
    })),
  };
}
