/**
 * The recharge verification (充值认证, SPEC R-E-RCH) as a state table. One row per
 * issued amount: `awaiting_transfer` until a transfer settles it, its chances run out
 * or its 7 business days pass; a restart issues a new amount (a new row).
 */
export const RECHARGE_STATES = ['awaiting_transfer', 'succeeded', 'failed', 'expired', 'cancelled'] as const;
export type RechargeState = (typeof RECHARGE_STATES)[number];

export type RechargeEvent =
  /** The payer name and the amount are right: the money is credited to the balance. */
  | 'transfer_matched'
  /** A wrong amount or payer: refunded, one chance used, one left. */
  | 'transfer_wrong'
  /** A wrong amount or payer with no chance left: refunded, the verification fails. */
  | 'transfer_wrong_last'
  /** 7 business days passed without a matching transfer. */
  | 'deadline_passed'
  /** 修改企业名称 (back to step 1), another method, or the user's 撤销. */
  | 'cancel';

const next: Record<RechargeState, Partial<Record<RechargeEvent, RechargeState>>> = {
  awaiting_transfer: {
    transfer_matched: 'succeeded',
    transfer_wrong: 'awaiting_transfer',
    transfer_wrong_last: 'failed',
    deadline_passed: 'expired',
    cancel: 'cancelled',
  },
  succeeded: {},
  failed: {},
  expired: {},
  cancelled: {},
};

/** How long an issued amount stays valid (R-E-RCH 2). */
export const RECHARGE_VALID_BUSINESS_DAYS = 7;

/** The next state, or null when `event` is not allowed in `state`. */
export function rechargeTransition(state: RechargeState, event: RechargeEvent): RechargeState | null {
  return next[state][event] ?? null;
}
