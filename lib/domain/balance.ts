import type { Fen } from './money';

/**
 * The balance (余额) as a ledger (SPEC R-E-RCH 3): credits from matched recharge
 * transfers, withdrawals (原路提现) debited from the moment they are requested. A failed
 * withdrawal does not count any more: its money is back on the balance.
 */
export interface LedgerEntry {
  kind: 'recharge_credit' | 'withdrawal';
  amountFen: Fen;
  state: BankReturnState;
}

/** Money going back through the bank (a withdrawal, a refunded transfer): queued, sent, and the bank's answer. */
export const BANK_RETURN_STATES = ['pending', 'requested', 'settled', 'failed'] as const;
export type BankReturnState = (typeof BANK_RETURN_STATES)[number];

function counts(entry: LedgerEntry): boolean {
  return entry.kind === 'recharge_credit' || entry.state !== 'failed';
}

/** The account's balance in fen. */
export function balanceOf(entries: readonly LedgerEntry[]): Fen {
  return entries.reduce((sum, e) => (counts(e) ? sum + (e.kind === 'recharge_credit' ? e.amountFen : -e.amountFen) : sum), 0);
}

/** What of one credit can still go back the way it came: its amount less its live withdrawals. */
export function creditRemaining(credit: Pick<LedgerEntry, 'amountFen'>, withdrawals: readonly LedgerEntry[]): Fen {
  return credit.amountFen - withdrawals.reduce((sum, w) => (counts(w) ? sum + w.amountFen : sum), 0);
}

/** The bank's refusals of a withdrawal (docs/channel-protocol.md: 422 codes), in the words the balance page uses. */
export const WITHDRAWAL_FAILURE_TEXT: Record<string, string> = {
  holder_name_mismatch: '收款账户户名与付款账户不一致，银行已退回，款项已返还至余额',
  account_not_found: '原付款账户不存在或已销户，银行已退回，款项已返还至余额',
  rejected: '银行拒绝了本次提现，款项已返还至余额',
};

export function withdrawalFailureText(code: string | null): string {
  return WITHDRAWAL_FAILURE_TEXT[code ?? 'rejected'] ?? WITHDRAWAL_FAILURE_TEXT.rejected!;
}
