import { randomBytes } from 'node:crypto';

/**
 * Opaque, unguessable ids with a readable prefix (`ses_…`, `pay_…`). A session id is
 * the only capability a phone page needs, so it must not be guessable.
 */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
