import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * SPEC §9 / SECURITY 19: ID, bank and phone numbers are stored as AES-256-GCM
 * ciphertext; equality look-ups (the limits) use a keyed hash, never the clear value.
 * Format `v1.<iv>.<tag>.<ciphertext>` (base64url) — the version names the key, so a
 * rotated key can be added as v2 without rewriting old rows at once.
 */
const VERSION = 'v1';

function dataKey(): Buffer {
  return Buffer.from(env().DATA_ENCRYPTION_KEY, 'base64');
}

export function encryptField(plain: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey(), iv);
  // The context (e.g. "account.contact_phone") is bound as associated data, so a
  // ciphertext copied into another column fails to decrypt.
  cipher.setAAD(Buffer.from(context));
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

export function decryptField(stored: string, context: string): string {
  const [version, iv, tag, ct] = stored.split('.');
  if (version !== VERSION || !iv || !tag || ct === undefined) throw new Error('Unknown ciphertext format');
  const decipher = createDecipheriv('aes-256-gcm', dataKey(), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
}

/** Keyed hash of a normalised value, for unique checks and counting without the clear value. */
export function blindIndex(value: string, kind: string): string {
  return createHmac('sha256', Buffer.from(env().BLIND_INDEX_KEY, 'base64')).update(`${kind}:${value}`).digest('base64url');
}
