import { describe, expect, it } from 'vitest';
import { parseMainlandMobile } from './mobile';

describe('mainland mobile numbers (SPEC §10)', () => {
  it('accepts 11 digits starting 13–19 and stores them with +86', () => {
    expect(parseMainlandMobile('13812345678')).toBe('+8613812345678');
    expect(parseMainlandMobile('+86 138 1234 5678')).toBe('+8613812345678');
    expect(parseMainlandMobile('0086-19912345678')).toBe('+8619912345678');
    expect(parseMainlandMobile('１３８１２３４５６７８')).toBe('+8613812345678');
  });
  it('refuses a second digit of 0–2, a wrong length or another country code', () => {
    expect(parseMainlandMobile('12812345678')).toBeNull();
    expect(parseMainlandMobile('1381234567')).toBeNull();
    expect(parseMainlandMobile('+85213812345678')).toBeNull();
    expect(parseMainlandMobile('abc')).toBeNull();
  });
});
