import { describe, expect, it } from 'vitest';
import {
  iso7064Mod1110CheckDigit,
  makeRegistrationNumber,
  registrationNumberCheckDigit,
  validateRegistrationNumber,
} from './registration-number';

function reasonFor(input: string) {
  const result = validateRegistrationNumber(input);
  return result.ok ? 'ok' : result.reason;
}

describe('工商注册号 (SPEC §10, ISO 7064 MOD 11,10)', () => {
  it('computes the ISO 7064 MOD 11,10 check digit of the standard examples', () => {
    expect(iso7064Mod1110CheckDigit('79462')).toBe('3');
    expect(iso7064Mod1110CheckDigit('00200667308')).toBe('5');
  });

  it('accepts 15 digits whose last is the check digit of the first 14', () => {
    const number = makeRegistrationNumber('11010800000001');
    expect(number).toHaveLength(15);
    expect(validateRegistrationNumber(number)).toEqual({ ok: true, value: number });
    expect(reasonFor(makeRegistrationNumber('44030110301353'))).toBe('ok');
  });

  it('refuses a wrong check digit (ISO 7064 MOD 11,10)', () => {
    const number = makeRegistrationNumber('11010800000001');
    const wrong = number.slice(0, 14) + String((Number(number.charAt(14)) + 1) % 10);
    expect(reasonFor(wrong)).toBe('check_char');
  });

  it('catches every single-digit typo', () => {
    const number = makeRegistrationNumber('31000000000762');
    for (let position = 0; position < 15; position++) {
      const digit = Number(number.charAt(position));
      const typo = number.slice(0, position) + String((digit + 3) % 10) + number.slice(position + 1);
      expect(reasonFor(typo)).toBe('check_char');
    }
  });

  it('accepts full-width digits and spaces', () => {
    const number = makeRegistrationNumber('11010800000001');
    const typed = `${number.slice(0, 6)} ${number.slice(6)}`.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(validateRegistrationNumber(typed)).toEqual({ ok: true, value: number });
  });

  it('refuses letters and other lengths', () => {
    for (const number of ['', '11010800000001', '1101080000000161', '11010800000001A']) {
      expect(reasonFor(number)).toBe('format');
    }
    expect(() => registrationNumberCheckDigit('1101080000000')).toThrow();
  });
});
