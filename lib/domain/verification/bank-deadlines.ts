import { enterpriseTransition, type EnterpriseState } from './enterprise-machine';
import type { EnterpriseFailure } from './enterprise-outcome';
import { payoutTransition, type PayoutState } from './payout-machine';
import { rechargeTransition, type RechargeState } from './recharge-machine';

/*
 * The bank methods' deadlines as a page sees them (SPEC §8; issue 17 "reads don't
 * write"): a deadline is applied by the sweepers (expire-due-recharges, expire-due-payouts)
 * and by the step actions, never by a page; a page that renders after the deadline but
 * before the sweeper shows the row as the sweeper will leave it. These functions answer
 * that row, in memory, dated at the deadline itself.
 */

interface RechargeFacts {
  state: RechargeState;
  deadline: Date;
  failureCode: string | null;
  completedAt: Date | null;
}

interface PayoutFacts {
  state: PayoutState;
  amountDeadline: Date | null;
  failureCode: string | null;
  completedAt: Date | null;
}

interface EnterpriseFacts {
  state: EnterpriseState;
  method: string | null;
  failureCode: string | null;
  completedAt: Date | null;
}

/** Whether an open recharge's 7 business days have passed at `now` (at the deadline itself they have). */
export function isRechargeOverdue(recharge: Pick<RechargeFacts, 'state' | 'deadline'>, now: Date): boolean {
  return recharge.state === 'awaiting_transfer' && now.getTime() >= recharge.deadline.getTime();
}

/** Whether a payout's amount deadline (R-E-PAY 5) has passed at `now` while the amount is awaited. */
export function isPayoutOverdue(payout: Pick<PayoutFacts, 'state' | 'amountDeadline'>, now: Date): boolean {
  return payout.state === 'awaiting_amount' && payout.amountDeadline !== null && now.getTime() >= payout.amountDeadline.getTime();
}

/** The recharge as it reads at `now`: expired (recharge_expired) once overdue, otherwise unchanged. */
export function rechargeAt<R extends RechargeFacts>(recharge: R, now: Date): R {
  if (!isRechargeOverdue(recharge, now)) return recharge;
  return { ...recharge, state: rechargeTransition(recharge.state, 'deadline_passed') ?? recharge.state, failureCode: 'recharge_expired', completedAt: recharge.deadline };
}

/** The payout run as it reads at `now`: failed (payout_expired) once overdue, otherwise unchanged. */
export function payoutAt<P extends PayoutFacts>(payout: P, now: Date): P {
  if (!isPayoutOverdue(payout, now) || !payout.amountDeadline) return payout;
  return { ...payout, state: payoutTransition(payout.state, 'deadline_passed') ?? payout.state, failureCode: 'payout_expired', completedAt: payout.amountDeadline };
}

/**
 * The enterprise verification once its bank method's deadline passed at `at`: failed with
 * `failure`, as the sweeper leaves it — only while it still waits on that bank method.
 */
export function enterpriseAfterBankDeadline<E extends EnterpriseFacts>(enterprise: E, method: 'recharge' | 'payout', failure: EnterpriseFailure, at: Date): E {
  const to = enterpriseTransition(enterprise.state, 'bank_failed');
  if (enterprise.state !== 'awaiting_bank' || enterprise.method !== method || !to) return enterprise;
  return { ...enterprise, state: to, failureCode: failure, completedAt: at };
}
