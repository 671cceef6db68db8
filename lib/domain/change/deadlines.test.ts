import { describe, expect, it } from 'vitest';
import { makeBusinessCalendar } from '../business-days';
import { changeExpiresAt, changeReviewPromisedBy, coolDownEndsAt, effectiveChangeState, isChangeOverdue } from './deadlines';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A Friday, 10:00 in Beijing. */
const createdAt = new Date('2026-11-27T02:00:00Z');
const after = (ms: number) => new Date(createdAt.getTime() + ms);

describe('A → B request validity (R-CHG-E1: 7 days as a whole)', () => {
  it('expires 7 calendar days after creation, to the instant', () => {
    expect(changeExpiresAt('enterprise_to_enterprise', createdAt)).toEqual(new Date('2026-12-04T02:00:00Z'));
  });

  it('reads expired from the deadline on, in any unfinished state, before the sweeper ran', () => {
    for (const state of ['face_check', 'proofs', 'in_review', 'rejected', 'new_data', 'verifying'] as const) {
      expect(effectiveChangeState('enterprise_to_enterprise', state, createdAt, after(7 * DAY_MS - 1))).toBe(state);
      expect(effectiveChangeState('enterprise_to_enterprise', state, createdAt, after(7 * DAY_MS))).toBe('expired');
    }
  });

  it('stays open past the deadline while what it opened cannot be ended (an approved payout), as the sweeper leaves it', () => {
    expect(effectiveChangeState('enterprise_to_enterprise', 'verifying', createdAt, after(8 * DAY_MS), true)).toBe('verifying');
  });

  it('leaves a finished request as it is', () => {
    expect(effectiveChangeState('enterprise_to_enterprise', 'completed', createdAt, after(30 * DAY_MS))).toBe('completed');
    expect(isChangeOverdue('enterprise_to_enterprise', 'cancelled', createdAt, after(30 * DAY_MS))).toBe(false);
  });

  it('gives the other types no deadline', () => {
    for (const type of ['person_to_enterprise', 'person_to_person', 'enterprise_rename', 'legal_rep_update'] as const) {
      expect(changeExpiresAt(type, createdAt)).toBeNull();
    }
    expect(effectiveChangeState('enterprise_rename', 'in_review', createdAt, after(365 * DAY_MS))).toBe('in_review');
  });
});

describe('cool-down (R-CHG-4)', () => {
  it('ends 30 calendar days after the last completed verification', () => {
    expect(coolDownEndsAt(createdAt)).toEqual(new Date('2026-12-27T02:00:00Z'));
  });
});

describe('review promise (R-CHG-E1, R-CHG-E2: 1 business day)', () => {
  const plain = makeBusinessCalendar({ holidays: {}, workdays: {} });

  it('promises the next business day at the same time: Friday → Monday', () => {
    expect(changeReviewPromisedBy(plain, 'enterprise_to_enterprise', createdAt)).toEqual(new Date('2026-11-30T02:00:00Z'));
    expect(changeReviewPromisedBy(plain, 'enterprise_rename', createdAt)).toEqual(new Date('2026-11-30T02:00:00Z'));
  });

  it('skips a statutory holiday', () => {
    const cal = makeBusinessCalendar({ holidays: { '2026-11-30': 'test holiday' }, workdays: {} });
    expect(changeReviewPromisedBy(cal, 'enterprise_to_enterprise', createdAt)).toEqual(new Date('2026-12-01T02:00:00Z'));
  });

  it('has none for the types without a review', () => {
    for (const type of ['person_to_enterprise', 'person_to_person', 'legal_rep_update'] as const) {
      expect(changeReviewPromisedBy(plain, type, createdAt)).toBeNull();
    }
  });
});
