import { describe, expect, it } from 'vitest';
import { validateBankAccount } from './bank-account';

describe('bank account numbers (SPEC §10)', () => {
  it('accepts 8 to 30 digits', () => {
    expect(validateBankAccount('12345678')).toEqual({ ok: true, value: '12345678' });
    expect(validateBankAccount('1'.repeat(30))).toEqual({ ok: true, value: '1'.repeat(30) });
  });

  it('removes spaces, also full-width ones, before checking', () => {
    expect(validateBankAccount(' 6222 0202 0000 1234 567 ')).toEqual({ ok: true, value: '6222020200001234567' });
    expect(validateBankAccount('１１０　９１２３４　５６７８')).toEqual({ ok: true, value: '110912345678' });
  });

  it('does not apply Luhn: corporate accounts carry no Luhn digit', () => {
    // 79927398713 passes Luhn; changing its last digit fails Luhn but is still accepted.
    expect(validateBankAccount('79927398710').ok).toBe(true);
  });

  it('refuses fewer than 8 or more than 30 digits, letters and separators other than spaces', () => {
    for (const input of ['', '1234567', '1'.repeat(31), '1234567A', '6222-0202-0000']) {
      expect(validateBankAccount(input)).toEqual({ ok: false, reason: 'format' });
    }
  });
});
