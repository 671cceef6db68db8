import { listBalanceEntries } from '@/db/queries/balance';
import { balanceOf, creditRemaining, withdrawalFailure, type WithdrawalFailure } from '@/lib/domain/balance';
import { maskBankAccount } from '@/lib/domain/mask';
import type { Fen } from '@/lib/domain/money';
import type { ServiceContext } from '../context';

export interface BalanceEntryView {
  id: string;
  /** 充值认证入账 / 原路提现 (the catalogue's `balance.entry.<kind>`). */
  kind: 'recharge_credit' | 'withdrawal';
  amountFen: Fen;
  /** A credit reads 已入账 whatever its state; a withdrawal 处理中 / 已到账 / 提现失败 (`balance.state.*`). */
  state: 'pending' | 'requested' | 'settled' | 'failed';
  /** The paying account (credits) or the account paid back, masked (SPEC §9). */
  holderName: string;
  bankAccountMasked: string;
  at: Date;
  /** Credits: what 原路提现 would send back now (0: nothing left). */
  withdrawableFen: Fen;
  /** Failed withdrawals: why (`balance.withdrawalFailed.<failure>`). */
  failure: WithdrawalFailure | null;
}

export interface BalanceView {
  balanceFen: Fen;
  entries: BalanceEntryView[];
}

/** 余额 and its history for the signed-in account only. */
export async function getBalance(ctx: ServiceContext, accountId: string): Promise<BalanceView> {
  const rows = await listBalanceEntries(ctx.db, accountId);
  return {
    balanceFen: balanceOf(rows),
    entries: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      amountFen: r.amountFen,
      state: r.state,
      holderName: r.holderName,
      bankAccountMasked: maskBankAccount(r.bankAccountLast4),
      at: r.createdAt,
      withdrawableFen: r.kind === 'recharge_credit' ? creditRemaining(r, rows.filter((w) => w.creditEntryId === r.id)) : 0,
      failure: r.kind === 'withdrawal' && r.state === 'failed' ? withdrawalFailure(r.failureCode) : null,
    })),
  };
}
