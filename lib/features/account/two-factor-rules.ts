import { decryptField, blindIndex, encryptField } from '@/lib/security/crypto';
import type { MessageRef } from '@/lib/messages';
import { retryLaterMinutes, type LimitRule } from '@/lib/security/rate-limit';
import { normaliseRecoveryCode } from '@/lib/auth/totp';

/**
 * What the 两步验证 use cases share (ADR 0024): the limit on wrong codes, how the
 * secret is sealed and how recovery codes are hashed.
 */

/** Wrong codes (TOTP or recovery) tolerated per account: 5 in 15 minutes, then 15 minutes' wait. */
export const TWO_FACTOR_RULE: LimitRule = { name: 'two-factor-account', points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 };

/** The account id is part of the associated data: a secret copied to another account's row does not decrypt. */
function secretContext(accountId: string) {
  return `two_factor.totp_secret:${accountId}`;
}

export function sealTotpSecret(accountId: string, secret: string): string {
  return encryptField(secret, secretContext(accountId));
}

export function openTotpSecret(accountId: string, sealed: string): string {
  return decryptField(sealed, secretContext(accountId));
}

/** Recovery codes are only ever compared, so they are kept as keyed hashes (STYLE: hashed, not encrypted). */
export function hashRecoveryCode(accountId: string, typed: string): string {
  return blindIndex(normaliseRecoveryCode(typed), `two-factor-recovery:${accountId}`);
}

export function lockedMessage(retryAt: Date): MessageRef {
  return { code: 'account.twoFactor.locked', params: { minutes: retryLaterMinutes(retryAt) } };
}
