import { describe, expect, it } from 'vitest';
import { enterpriseAfterBankDeadline, isPayoutOverdue, payoutAt, rechargeAt } from './bank-deadlines';

const deadline = new Date('2026-10-16T10:00:00Z');
const before = new Date(deadline.getTime() - 1);
const open = { state: 'awaiting_transfer' as const, deadline, failureCode: null, completedAt: null };

describe('a recharge read at a moment (R-E-RCH 2, SPEC §8: shown at once, written by the sweeper)', () => {
  it('reads expired from its deadline on, dated at the deadline', () => {
    expect(rechargeAt(open, before)).toBe(open);
    expect(rechargeAt(open, deadline)).toEqual({ ...open, state: 'expired', failureCode: 'recharge_expired', completedAt: deadline });
  });

  it('leaves an ended recharge as it is', () => {
    const done = { ...open, state: 'succeeded' as const, completedAt: before };
    expect(rechargeAt(done, new Date(deadline.getTime() + 86_400_000))).toBe(done);
  });
});

describe('a payout run read at a moment (R-E-PAY 5)', () => {
  const run = { state: 'awaiting_amount' as const, amountDeadline: deadline, failureCode: null, completedAt: null };

  it('fails with payout_expired from the amount deadline on', () => {
    expect(isPayoutOverdue(run, before)).toBe(false);
    expect(payoutAt(run, deadline)).toEqual({ ...run, state: 'failed', failureCode: 'payout_expired', completedAt: deadline });
  });

  it('has no deadline before the money arrived', () => {
    const pending = { ...run, state: 'payout_pending' as const, amountDeadline: null };
    expect(payoutAt(pending, deadline)).toBe(pending);
  });
});

describe('the enterprise verification behind a passed bank deadline', () => {
  const waiting = { state: 'awaiting_bank' as const, method: 'recharge', failureCode: null, completedAt: null };

  it('fails with the bank method failure while it waits on that method', () => {
    expect(enterpriseAfterBankDeadline(waiting, 'recharge', 'recharge_expired', deadline)).toEqual({ ...waiting, state: 'failed', failureCode: 'recharge_expired', completedAt: deadline });
  });

  it('is left alone when it moved on or waits on the other method', () => {
    expect(enterpriseAfterBankDeadline(waiting, 'payout', 'payout_expired', deadline)).toBe(waiting);
    const cancelled = { ...waiting, state: 'cancelled' as const };
    expect(enterpriseAfterBankDeadline(cancelled, 'recharge', 'recharge_expired', deadline)).toBe(cancelled);
  });
});
