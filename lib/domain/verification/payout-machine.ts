/**
 * The corporate payout verification (企业对公打款认证, SPEC R-E-PAY) as a state table.
 *
 *   operator_check ──operator_passed──▶ under_review ──approved──▶ payout_pending
 *        ▲  │ operator_failed (retry)      │ rejected                 │ arrived    │ payout_failed
 *        └──┘                              ▼                          ▼            ▼
 *                                       rejected ──resubmit──▶ under_review   awaiting_amount   payout_failed ──resubmit──▶ under_review
 *                                                                               │ amount_correct → succeeded
 *                                                                               │ amount_wrong_last / deadline_passed → failed
 *
 * The bank details are fixed once submitted ("提交后不可撤回"): a correction after a
 * rejection or a failed payout is a resubmission, reviewed again. 撤销审核 and
 * 更换其他认证方式 cancel while nothing has been sent; once approved the payout is in
 * flight and the flow runs to its end.
 */
export const PAYOUT_STATES = [
  'operator_check',
  'under_review',
  'rejected',
  'payout_pending',
  'payout_failed',
  'awaiting_amount',
  'succeeded',
  'failed',
  'cancelled',
] as const;
export type PayoutState = (typeof PAYOUT_STATES)[number];

export type PayoutEvent =
  /** 经办人身份核验: the operator's face session passed. */
  | 'operator_passed'
  /** The operator's face session failed or expired: try again. */
  | 'operator_failed'
  | 'review_approved'
  | 'review_rejected'
  /** Corrected materials or bank details sent again for review. */
  | 'resubmit'
  /** The bank settled the payout: the 7 days to type the amount start at its arrival. */
  | 'payout_arrived'
  /** The bank could not pay (e.g. the account name ≠ 企业名称): 打款失败. */
  | 'payout_failed'
  | 'amount_correct'
  /** A wrong amount, one chance left. */
  | 'amount_wrong'
  /** A wrong amount with no chance left. */
  | 'amount_wrong_last'
  /** 7 days after arrival without the right amount. */
  | 'deadline_passed'
  /** 撤销审核 / 更换其他认证方式. */
  | 'cancel';

const next: Record<PayoutState, Partial<Record<PayoutEvent, PayoutState>>> = {
  operator_check: { operator_passed: 'under_review', operator_failed: 'operator_check', cancel: 'cancelled' },
  under_review: { review_approved: 'payout_pending', review_rejected: 'rejected', cancel: 'cancelled' },
  rejected: { resubmit: 'under_review', cancel: 'cancelled' },
  payout_pending: { payout_arrived: 'awaiting_amount', payout_failed: 'payout_failed' },
  payout_failed: { resubmit: 'under_review', cancel: 'cancelled' },
  awaiting_amount: {
    amount_correct: 'succeeded',
    amount_wrong: 'awaiting_amount',
    amount_wrong_last: 'failed',
    deadline_passed: 'failed',
  },
  succeeded: {},
  failed: {},
  cancelled: {},
};

/** Promises shown to the user (R-E-PAY 3–5). */
export const PAYOUT_REVIEW_PROMISE_BUSINESS_DAYS = 2;
export const PAYOUT_ARRIVAL_PROMISE_BUSINESS_DAYS = 3;
/** Calendar days to type the amount after it arrived (R-E-PAY 5). */
export const PAYOUT_AMOUNT_VALID_DAYS = 7;

export const PAYOUT_IN_PROGRESS: readonly PayoutState[] = ['operator_check', 'under_review', 'rejected', 'payout_pending', 'payout_failed', 'awaiting_amount'];

/** Approved and not ended: the payout is in flight and runs to its end (R-E-PAY 3), so nothing may cancel it. */
export function isPayoutInFlight(state: PayoutState): boolean {
  return PAYOUT_IN_PROGRESS.includes(state) && payoutTransition(state, 'cancel') === null;
}

/** The next state, or null when `event` is not allowed in `state`. */
export function payoutTransition(state: PayoutState, event: PayoutEvent): PayoutState | null {
  return next[state][event] ?? null;
}
