import { describe, expect, it } from 'vitest';
import { BANKS } from './banks';

describe('bank list (R-E-PAY 1)', () => {
  it('lists each bank once', () => {
    expect(new Set(BANKS).size).toBe(BANKS.length);
  });
});
