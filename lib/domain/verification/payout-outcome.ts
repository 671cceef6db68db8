import { PAYOUT_AMOUNT_VALID_DAYS } from './payout-machine';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Why the bank could not pay (docs/channel-protocol.md payout.failed), as the user reads it: 打款失败. */
export const PAYOUT_BANK_FAILURES = ['holder_name_mismatch', 'account_not_found'] as const;
export type PayoutBankFailure = (typeof PAYOUT_BANK_FAILURES)[number];

/** The reason shown for a bank failure: the catalogue's `verification.payoutBankFailure.<failure>`. */
export function payoutBankFailureText(failure: PayoutBankFailure): `verification.payoutBankFailure.${PayoutBankFailure}` {
  return `verification.payoutBankFailure.${failure}`;
}

const OPERATOR_FAILURES = ['operator_session_expired', 'operator_liveness_failed', 'operator_face_mismatch'] as const;
export type OperatorFailureCode = `verification.operatorFailure.${(typeof OPERATOR_FAILURES)[number] | 'other'}`;

/** Why the operator check must be tried again (R-E-PAY 2): the catalogue's key. */
export function operatorFailureText(code: string | null): OperatorFailureCode | null {
  if (code === null) return null;
  return (OPERATOR_FAILURES as readonly string[]).includes(code) ? (`verification.operatorFailure.${code}` as OperatorFailureCode) : 'verification.operatorFailure.other';
}

export function isPayoutBankFailure(code: string | null): code is PayoutBankFailure {
  return code !== null && (PAYOUT_BANK_FAILURES as readonly string[]).includes(code);
}

/** R-E-PAY 5: the amount may be typed until 7 calendar days after the payout arrived. */
export function payoutAmountDeadline(arrivedAt: Date): Date {
  return new Date(arrivedAt.getTime() + PAYOUT_AMOUNT_VALID_DAYS * DAY_MS);
}
