import { describe, expect, it } from 'vitest';
import { failureLabel, insightRange, reviewAgeBucket, shareOf } from './insights';

describe('运营看板 rules', () => {
  it('a period is the last N Beijing days, today included, from Beijing midnight', () => {
    // 2025-06-01 23:30 UTC is already 06-02 07:30 in Beijing.
    const r = insightRange(7, new Date('2025-06-01T23:30:00Z'));
    expect(r.dayKeys).toEqual(['2025-05-27', '2025-05-28', '2025-05-29', '2025-05-30', '2025-05-31', '2025-06-01', '2025-06-02']);
    expect(r.from.toISOString()).toBe('2025-05-26T16:00:00.000Z');
    expect(insightRange(90, new Date('2025-06-01T23:30:00Z')).dayKeys).toHaveLength(90);
  });

  it('a share of nothing is no share (a gap), not 0 %', () => {
    expect(shareOf(0, 0)).toBeNull();
    expect(shareOf(1, 4)).toBe(0.25);
  });

  it('open cases fall into 0–4 business days, then 5 or more', () => {
    expect([0, 1, 4, 5, 12].map(reviewAgeBucket)).toEqual(['0', '1', '4', '≥5', '≥5']);
  });

  it('names every stored failure code, and an unknown one as itself', () => {
    expect(failureLabel('recharge_expired')).toEqual({ code: 'operations.insights.failure.recharge_expired' });
    expect(failureLabel('something_new')).toEqual({ code: 'operations.insights.failure.other', params: { code: 'something_new' } });
    expect(failureLabel('expired')).toEqual({ code: 'operations.insights.failure.expired' });
  });
});
