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

/** The bank's refusals of a withdrawal (docs/channel-protocol.md: 422 codes); the catalogue's `balance.withdrawalFailed.<code>` words them. */
const WITHDRAWAL_FAILURES = ['holder_name_mismatch', 'account_not_found', 'rejected'] as const;
export type WithdrawalFailure = (typeof WITHDRAWAL_FAILURES)[number];

/** A stored failure code as one the balance page knows: an unknown (or missing) one is a plain refusal. */
export function withdrawalFailure(code: string | null): WithdrawalFailure {
  return (WITHDRAWAL_FAILURES as readonly string[]).includes(code ?? '') ? (code as WithdrawalFailure) : 'rejected';
}
