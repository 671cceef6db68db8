import { describe, expect, it } from 'vitest';
import { balanceOf, creditRemaining, withdrawalFailure } from './balance';

describe('the balance ledger (R-E-RCH 3)', () => {
  it('adds credits and takes withdrawals from the moment they are requested', () => {
    expect(
      balanceOf([
        { kind: 'recharge_credit', amountFen: 37, state: 'settled' },
        { kind: 'recharge_credit', amountFen: 12, state: 'settled' },
        { kind: 'withdrawal', amountFen: 37, state: 'pending' },
      ]),
    ).toBe(12);
  });

  it('gives a failed withdrawal back to the balance', () => {
    const credit = { kind: 'recharge_credit' as const, amountFen: 37, state: 'settled' as const };
    const failed = { kind: 'withdrawal' as const, amountFen: 37, state: 'failed' as const };
    expect(balanceOf([credit, failed])).toBe(37);
    expect(creditRemaining(credit, [failed])).toBe(37);
  });

  it('leaves nothing of a credit once its withdrawal is live', () => {
    expect(creditRemaining({ amountFen: 37 }, [{ kind: 'withdrawal', amountFen: 37, state: 'settled' }])).toBe(0);
  });

  it('knows every refusal of the bank, an unknown one as a plain refusal', () => {
    expect(withdrawalFailure('holder_name_mismatch')).toBe('holder_name_mismatch');
    expect(withdrawalFailure('something_new')).toBe('rejected');
    expect(withdrawalFailure(null)).toBe('rejected');
  });
});
