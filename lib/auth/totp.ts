import { randomInt } from 'node:crypto';
import { generateSecret, generateSync, generateURI, verifySync, type VerifyResult } from 'otplib';

/**
 * 两步验证 codes (RFC 6238 TOTP through otplib, ADR 0024): 6 digits, 30-second steps,
 * SHA-1 — what every authenticator app reads from a QR code. Time is a parameter and
 * callers pass *real* time, never the product clock: an authenticator app knows
 * nothing of the simulator's clock jumps (SPEC §14).
 */

export const TOTP_PERIOD_SECONDS = 30;
/** One step either side, for a phone clock a little off and the seconds it takes to type. */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;
export const TOTP_ISSUER = '云控制台';

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, accountLabel: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountLabel, secret });
}

/** The code an authenticator shows at `nowMs` (tests, the demo seed's documentation). */
export function totpCodeAt(secret: string, nowMs: number): string {
  return generateSync({ secret, epoch: Math.floor(nowMs / 1000) });
}

/** The RFC 6238 time step of `nowMs`. */
export function totpStepAt(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'wrong' | 'used' };

/**
 * Checks a typed code. A code of a step at or before `lastUsedStep` is refused as used
 * (replay): a code that was seen once — over a shoulder, in a proxy log — buys nothing.
 */
export function checkTotpCode(secret: string, typed: string, nowMs: number, lastUsedStep: number | null): TotpCheck {
  const token = typed.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return { ok: false, reason: 'wrong' };
  // The default strategy is TOTP, whose result carries the matched time step.
  const result = verifySync({ secret, token, epoch: Math.floor(nowMs / 1000), epochTolerance: TOLERANCE_SECONDS }) as VerifyResult;
  if (!result.valid) return { ok: false, reason: 'wrong' };
  if (lastUsedStep !== null && result.timeStep <= lastUsedStep) return { ok: false, reason: 'used' };
  return { ok: true, step: result.timeStep };
}

// ---- Recovery codes (恢复码) ----

export const RECOVERY_CODE_COUNT = 10;
/** No 0/o, 1/l/i: a code copied from paper reads one way only. 10 characters ≈ 49 bits. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** `abcde-fghjk`, from a cryptographically secure generator. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** What is hashed and compared: lower case, without spaces or dashes (`ABCDE FGHJK` = `abcde-fghjk`). */
export function normaliseRecoveryCode(typed: string): string {
  return typed.toLowerCase().replace(/[\s-]+/g, '');
}
