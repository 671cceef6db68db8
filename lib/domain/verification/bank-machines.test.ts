import { describe, expect, it } from 'vitest';
import { PAYOUT_STATES, payoutTransition, type PayoutEvent } from './payout-machine';
import { RECHARGE_STATES, rechargeTransition, type RechargeEvent } from './recharge-machine';

describe('recharge verification state table (R-E-RCH)', () => {
  it('settles on the right transfer, keeps waiting after one wrong transfer, fails after the second', () => {
    expect(rechargeTransition('awaiting_transfer', 'transfer_matched')).toBe('succeeded');
    expect(rechargeTransition('awaiting_transfer', 'transfer_wrong')).toBe('awaiting_transfer');
    expect(rechargeTransition('awaiting_transfer', 'transfer_wrong_last')).toBe('failed');
    expect(rechargeTransition('awaiting_transfer', 'deadline_passed')).toBe('expired');
    expect(rechargeTransition('awaiting_transfer', 'cancel')).toBe('cancelled');
  });

  it('ends for good: a late transfer or deadline changes nothing', () => {
    const events: RechargeEvent[] = ['transfer_matched', 'transfer_wrong', 'transfer_wrong_last', 'deadline_passed', 'cancel'];
    for (const state of RECHARGE_STATES.filter((s) => s !== 'awaiting_transfer')) {
      for (const event of events) expect(rechargeTransition(state, event)).toBeNull();
    }
  });
});

describe('corporate payout state table (R-E-PAY)', () => {
  it('runs operator check → review → payout → amount → succeeded', () => {
    const path: [PayoutEvent, string][] = [
      ['operator_failed', 'operator_check'],
      ['operator_passed', 'under_review'],
      ['review_rejected', 'rejected'],
      ['resubmit', 'under_review'],
      ['review_approved', 'payout_pending'],
      ['payout_failed', 'payout_failed'],
      ['resubmit', 'under_review'],
      ['review_approved', 'payout_pending'],
      ['payout_arrived', 'awaiting_amount'],
      ['amount_wrong', 'awaiting_amount'],
      ['amount_correct', 'succeeded'],
    ];
    let state: (typeof PAYOUT_STATES)[number] = 'operator_check';
    for (const [event, to] of path) {
      state = payoutTransition(state, event)!;
      expect(state).toBe(to);
    }
  });

  it('fails after the last wrong amount or the deadline', () => {
    expect(payoutTransition('awaiting_amount', 'amount_wrong_last')).toBe('failed');
    expect(payoutTransition('awaiting_amount', 'deadline_passed')).toBe('failed');
  });

  it('may be cancelled until the payout is approved, not after', () => {
    for (const state of ['operator_check', 'under_review', 'rejected', 'payout_failed'] as const) expect(payoutTransition(state, 'cancel')).toBe('cancelled');
    for (const state of ['payout_pending', 'awaiting_amount', 'succeeded', 'failed', 'cancelled'] as const) expect(payoutTransition(state, 'cancel')).toBeNull();
  });

  it('refuses steps out of order (SECURITY 27): no amount before arrival, no approval before the operator check', () => {
    expect(payoutTransition('payout_pending', 'amount_correct')).toBeNull();
    expect(payoutTransition('under_review', 'amount_correct')).toBeNull();
    expect(payoutTransition('operator_check', 'review_approved')).toBeNull();
    expect(payoutTransition('awaiting_amount', 'payout_arrived')).toBeNull();
  });
});
