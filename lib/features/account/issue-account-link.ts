import type { Db } from '@/db/client';
import { insertAccountToken } from '@/db/queries/account-tokens';
import { LINK_PATH, linkExpiresAt, type AccountLinkPurpose } from '@/lib/domain/account-links';
import { env } from '@/lib/env';
import { newLinkToken } from '@/lib/security/link-token';

/** A page of the console as an absolute link for an e-mail (APP_URL is the public origin). */
export function consoleUrl(path: string): string {
  return new URL(path, env().APP_URL).toString();
}

/**
 * Stores a new single-use token (hashed) for the account, in the caller's transaction,
 * and answers the link that carries it. Valid from `now` (product clock) for the
 * purpose's lifetime (lib/domain/account-links.ts).
 */
export async function issueAccountLink(tx: Db, input: { accountId: string; purpose: AccountLinkPurpose; now: Date }): Promise<string> {
  const { token, tokenHash } = newLinkToken();
  await insertAccountToken(tx, {
    accountId: input.accountId,
    purpose: input.purpose,
    tokenHash,
    createdAt: input.now,
    expiresAt: linkExpiresAt(input.purpose, input.now),
  });
  return consoleUrl(`${LINK_PATH[input.purpose]}?token=${encodeURIComponent(token)}`);
}
