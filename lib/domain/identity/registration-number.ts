import { normaliseIdentifier } from '../normalise';

const SHAPE = /^\d{15}$/;

export type RegistrationNumberRefusal = 'format' | 'check_char';
export type RegistrationNumberResult = { ok: true; value: string } | { ok: false; reason: RegistrationNumberRefusal };

/**
 * ISO 7064 MOD 11,10 (hybrid system): start with P = 10; for each digit
 * S = (P + digit) mod 10 (0 read as 10) and P = 2S mod 11. The check digit makes
 * the final S equal 1, i.e. it is (11 − P) mod 10.
 */
export function iso7064Mod1110CheckDigit(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new Error('iso7064Mod1110CheckDigit: expected digits');
  let product = 10;
  for (const digit of digits) {
    const sum = (product + Number(digit)) % 10 || 10;
    product = (sum * 2) % 11;
  }
  return String((11 - product) % 10);
}

/** The check digit of a 工商注册号 for its first 14 digits. */
export function registrationNumberCheckDigit(first14: string): string {
  if (!/^\d{14}$/.test(first14)) throw new Error('registrationNumberCheckDigit: expected 14 digits');
  return iso7064Mod1110CheckDigit(first14);
}

/** 工商注册号 (SPEC §10): 15 digits, the last an ISO 7064 MOD 11,10 check digit. */
export function validateRegistrationNumber(input: string): RegistrationNumberResult {
  const value = normaliseIdentifier(input);
  if (!SHAPE.test(value)) return { ok: false, reason: 'format' };
  if (registrationNumberCheckDigit(value.slice(0, 14)) !== value.charAt(14)) return { ok: false, reason: 'check_char' };
  return { ok: true, value };
}

/** Fixture generator: 14 digits → a valid 15-digit 工商注册号. */
export function makeRegistrationNumber(first14: string): string {
  return first14 + registrationNumberCheckDigit(first14);
}
