import { describe, expect, it } from 'vitest';
import { BANKS } from '@/lib/domain/banks';
import { BANK_NAMES, isBankName } from './banks';

describe('bank names (R-E-PAY 1)', () => {
  it('names each bank once, in the list order', () => {
    expect(BANK_NAMES).toHaveLength(BANKS.length);
    expect(new Set(BANK_NAMES).size).toBe(BANK_NAMES.length);
    expect(BANK_NAMES[0]).toBe('中国工商银行');
  });
  it('accepts a listed bank and refuses anything else', () => {
    expect(isBankName('中国工商银行')).toBe(true);
    expect(isBankName('工商银行 ')).toBe(false);
    expect(isBankName('')).toBe(false);
  });
});
