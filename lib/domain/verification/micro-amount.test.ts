import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attributeTransfer, checkTypedAmount, drawMicroAmount, MICRO_AMOUNT_CHANCES } from './micro-amount';

describe('drawMicroAmount', () => {
  it('draws ¥0.01–¥0.99 in integer fen', () => {
    const drawn = new Set(Array.from({ length: 2000 }, () => drawMicroAmount(randomInt)));
    for (const fen of drawn) {
      expect(Number.isInteger(fen)).toBe(true);
      expect(fen).toBeGreaterThanOrEqual(1);
      expect(fen).toBeLessThanOrEqual(99);
    }
    // Uniform over 99 values: 2000 draws miss a value with probability ≈ 99 · e^-20.
    expect(drawn.size).toBe(99);
  });

  it('avoids amounts taken by other open verifications while one is free', () => {
    const taken = new Set(Array.from({ length: 98 }, (_, i) => i + 1));
    for (let i = 0; i < 50; i += 1) expect(drawMicroAmount(randomInt, taken)).toBe(99);
    const all = new Set(Array.from({ length: 99 }, (_, i) => i + 1));
    expect(drawMicroAmount(() => 42, all)).toBe(42);
  });
});

describe('checkTypedAmount (R-E-PAY 5, SECURITY 26)', () => {
  const deadline = new Date('2026-12-10T00:00:00Z');
  const at = new Date('2026-12-05T00:00:00Z');

  it('accepts the issued amount', () => {
    expect(checkTypedAmount({ amountFen: 37, chancesUsed: 0, deadline }, { amountFen: 37, at })).toEqual({ verdict: 'correct' });
    expect(checkTypedAmount({ amountFen: 37, chancesUsed: 1, deadline }, { amountFen: 37, at })).toEqual({ verdict: 'correct' });
  });

  it('uses a chance per wrong amount, the second exhausts them', () => {
    expect(checkTypedAmount({ amountFen: 37, chancesUsed: 0, deadline }, { amountFen: 38, at })).toEqual({ verdict: 'wrong', chancesUsed: 1, exhausted: false });
    expect(checkTypedAmount({ amountFen: 37, chancesUsed: 1, deadline }, { amountFen: 38, at })).toEqual({ verdict: 'wrong', chancesUsed: 2, exhausted: true });
  });

  it('refuses a third try, even the right amount, and any try at or after the deadline', () => {
    expect(checkTypedAmount({ amountFen: 37, chancesUsed: MICRO_AMOUNT_CHANCES, deadline }, { amountFen: 37, at })).toEqual({ verdict: 'refused', reason: 'no_chances' });
    expect(checkTypedAmount({ amountFen: 37, chancesUsed: 0, deadline }, { amountFen: 37, at: deadline })).toEqual({ verdict: 'refused', reason: 'expired' });
  });

  it('judged one after another, five wrong entries use exactly two chances', () => {
    let issued = { amountFen: 37, chancesUsed: 0, deadline };
    const verdicts = [];
    for (let i = 0; i < 5; i += 1) {
      const check = checkTypedAmount(issued, { amountFen: 50 + i, at });
      verdicts.push(check.verdict);
      if (check.verdict === 'wrong') issued = { ...issued, chancesUsed: check.chancesUsed };
    }
    expect(verdicts).toEqual(['wrong', 'wrong', 'refused', 'refused', 'refused']);
    expect(issued.chancesUsed).toBe(2);
  });
});

describe('attributeTransfer (R-E-RCH 3–4)', () => {
  const open = [
    { id: 'a', enterpriseName: '北京星河数智科技有限公司', amountFen: 37 },
    { id: 'b', enterpriseName: '深圳市南山区老王记粤菜馆', amountFen: 52 },
  ];

  it('matches payer name and amount', () => {
    expect(attributeTransfer(open, { payerName: '北京星河数智科技有限公司', amountFen: 37 })).toEqual({ rechargeId: 'a', verdict: 'match' });
  });

  it('attributes a wrong amount by the payer name, a wrong payer by the amount', () => {
    expect(attributeTransfer(open, { payerName: '北京星河数智科技有限公司', amountFen: 38 })).toEqual({ rechargeId: 'a', verdict: 'wrong_amount' });
    expect(attributeTransfer(open, { payerName: '北京星河网络科技有限公司', amountFen: 52 })).toEqual({ rechargeId: 'b', verdict: 'wrong_payer' });
  });

  it('attributes nothing it cannot pin on one verification', () => {
    expect(attributeTransfer(open, { payerName: '无关公司', amountFen: 1 })).toBeNull();
    const twoOfOneName = [...open, { id: 'c', enterpriseName: '北京星河数智科技有限公司', amountFen: 60 }];
    expect(attributeTransfer(twoOfOneName, { payerName: '北京星河数智科技有限公司', amountFen: 61 })).toBeNull();
    expect(attributeTransfer(twoOfOneName, { payerName: '北京星河数智科技有限公司', amountFen: 60 })).toEqual({ rechargeId: 'c', verdict: 'match' });
    const sameAmount = [...open, { id: 'd', enterpriseName: '其他公司', amountFen: 52 }];
    expect(attributeTransfer(sameAmount, { payerName: '无关公司', amountFen: 52 })).toBeNull();
  });

  it('compares the name exactly: a half-width bracket is another name', () => {
    const withBrackets = [{ id: 'e', enterpriseName: '星河（北京）科技有限公司', amountFen: 9 }];
    expect(attributeTransfer(withBrackets, { payerName: '星河(北京)科技有限公司', amountFen: 9 })).toEqual({ rechargeId: 'e', verdict: 'wrong_payer' });
  });
});
