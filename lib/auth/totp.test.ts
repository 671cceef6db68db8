import { describe, expect, it } from 'vitest';
import { checkTotpCode, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, totpCodeAt, totpStepAt, totpUri } from './totp';

// RFC 6238 appendix B's SHA-1 seed "12345678901234567890", in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const AT = 1_111_111_109_000; // RFC 6238 test time 1111111109 s → 07081804 (8 digits), 081804 with 6

describe('TOTP codes (RFC 6238, 30-second steps, 6 digits)', () => {
  it('generates the RFC 6238 test vector', () => {
    expect(totpCodeAt(RFC_SECRET, AT)).toBe('081804');
  });

  it('accepts the current code and says which step it was', () => {
    expect(checkTotpCode(RFC_SECRET, '081804', AT, null)).toEqual({ ok: true, step: totpStepAt(AT) });
  });

  it('accepts a code one step early or late (a phone clock a little off), and none further', () => {
    const previous = totpCodeAt(RFC_SECRET, AT - 30_000);
    const next = totpCodeAt(RFC_SECRET, AT + 30_000);
    const twoBack = totpCodeAt(RFC_SECRET, AT - 60_000);
    expect(checkTotpCode(RFC_SECRET, previous, AT, null).ok).toBe(true);
    expect(checkTotpCode(RFC_SECRET, next, AT, null).ok).toBe(true);
    expect(checkTotpCode(RFC_SECRET, twoBack, AT, null)).toEqual({ ok: false, reason: 'wrong' });
  });

  it('refuses a code of a step already used, or of an earlier one (replay)', () => {
    const step = totpStepAt(AT);
    expect(checkTotpCode(RFC_SECRET, '081804', AT, step)).toEqual({ ok: false, reason: 'used' });
    expect(checkTotpCode(RFC_SECRET, totpCodeAt(RFC_SECRET, AT - 30_000), AT, step)).toEqual({ ok: false, reason: 'used' });
    expect(checkTotpCode(RFC_SECRET, totpCodeAt(RFC_SECRET, AT + 30_000), AT, step)).toEqual({ ok: true, step: step + 1 });
  });

  it('refuses a wrong code and anything that is not 6 digits; spaces are ignored', () => {
    expect(checkTotpCode(RFC_SECRET, '000000', AT, null)).toEqual({ ok: false, reason: 'wrong' });
    expect(checkTotpCode(RFC_SECRET, '08180', AT, null)).toEqual({ ok: false, reason: 'wrong' });
    expect(checkTotpCode(RFC_SECRET, 'abcdef', AT, null)).toEqual({ ok: false, reason: 'wrong' });
    expect(checkTotpCode(RFC_SECRET, '081 804', AT, null).ok).toBe(true);
  });

  it('makes a 160-bit base32 secret and an otpauth:// URI for the QR code', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri(secret, 'reviewer@example.com');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
  });
});

describe('recovery codes (恢复码)', () => {
  it('makes 10 distinct codes without look-alike characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it('compares codes without case, spaces or dashes', () => {
    expect(normaliseRecoveryCode(' ABCDE-fghjk ')).toBe('abcdefghjk');
    expect(normaliseRecoveryCode('abcde fghjk')).toBe('abcdefghjk');
  });
});
