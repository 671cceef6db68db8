import { describe, expect, it } from 'vitest';
import { makeBusinessCalendar } from '../business-days';
import { isPayoutReminderDue, payoutAmountDeadline } from './payout-outcome';

const cal = makeBusinessCalendar({ holidays: {}, workdays: {} });

describe('payout amount deadline (R-E-PAY 5)', () => {
  it('is 7 calendar days after the arrival, weekends included', () => {
    expect(payoutAmountDeadline(new Date('2026-11-27T02:00:00Z')).toISOString()).toBe('2026-12-04T02:00:00.000Z');
  });
  it('reminds once the deadline is one business day away, not before, not after', () => {
    const deadline = new Date('2026-12-04T02:00:00Z'); // a Friday
    expect(isPayoutReminderDue(cal, deadline, new Date('2026-12-02T02:00:00Z'))).toBe(false);
    expect(isPayoutReminderDue(cal, deadline, new Date('2026-12-03T02:00:00Z'))).toBe(true);
    expect(isPayoutReminderDue(cal, deadline, new Date('2026-12-04T02:00:00Z'))).toBe(false);
  });
  it('counts a weekend as no business day: a Monday deadline is reminded on the Friday before', () => {
    const monday = new Date('2026-12-07T02:00:00Z');
    expect(isPayoutReminderDue(cal, monday, new Date('2026-12-04T02:00:00Z'))).toBe(true);
    expect(isPayoutReminderDue(cal, monday, new Date('2026-12-03T02:00:00Z'))).toBe(false);
  });
});
