import { describe, expect, it } from 'vitest';
import { payoutAmountDeadline } from './payout-outcome';

describe('payout amount deadline (R-E-PAY 5)', () => {
  it('is 7 calendar days after the arrival, weekends included', () => {
    expect(payoutAmountDeadline(new Date('2026-11-27T02:00:00Z')).toISOString()).toBe('2026-12-04T02:00:00.000Z');
  });
});
