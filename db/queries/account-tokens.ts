import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { accountTokens, type AccountTokenPurpose, type AccountTokenRow } from '../schema';

export async function insertAccountToken(
  db: Db,
  values: { accountId: string; purpose: AccountTokenPurpose; tokenHash: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(accountTokens).values(values);
}

/** The token with this hash and purpose, whatever its state (pages ask whether a link still works). */
export async function findAccountToken(db: Db, purpose: AccountTokenPurpose, tokenHash: string): Promise<AccountTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.purpose, purpose), eq(accountTokens.tokenHash, tokenHash)));
  return row;
}

/** The same, locked FOR UPDATE: two uses of one link at once run one after the other, and the second finds it used. */
export async function lockAccountToken(tx: Db, purpose: AccountTokenPurpose, tokenHash: string): Promise<AccountTokenRow | undefined> {
  const [row] = await tx
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.purpose, purpose), eq(accountTokens.tokenHash, tokenHash)))
    .for('update');
  return row;
}

/** Uses up every unused token of the account for `purpose`: once one link worked, the older ones no longer do. */
export async function useAccountTokens(tx: Db, accountId: string, purpose: AccountTokenPurpose, now: Date): Promise<number> {
  const rows = await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.accountId, accountId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)))
    .returning({ id: accountTokens.id });
  return rows.length;
}
