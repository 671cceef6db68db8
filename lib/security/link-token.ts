import { createHash, randomBytes } from 'node:crypto';

/**
 * The secret of a single-use e-mail link (ADR 0023): 32 random bytes, base64url in the
 * link; only its SHA-256 is stored — a fast hash is enough for 256 random bits, and a
 * copy of the database then opens no account.
 */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
