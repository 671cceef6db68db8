import { describe, expect, it } from 'vitest';
import { BANKS, isBankName } from './banks';

describe('bank list (R-E-PAY 1)', () => {
  it('lists each bank once', () => {
    expect(new Set(BANKS).size).toBe(BANKS.length);
  });
  it('accepts a listed bank and refuses anything else', () => {
    expect(isBankName('中国工商银行')).toBe(true);
    expect(isBankName('工商银行 ')).toBe(false);
    expect(isBankName('')).toBe(false);
  });
});
