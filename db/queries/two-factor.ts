import { and, count, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../client';
import { twoFactorCredentials, twoFactorRecoveryCodes } from '../schema';

export async function findTwoFactorCredential(db: Db, accountId: string) {
  const [row] = await db.select().from(twoFactorCredentials).where(eq(twoFactorCredentials.accountId, accountId));
  return row;
}

/**
 * Starts (or restarts) an enrolment with a new secret. A confirmed authenticator is never
 * replaced here: answers undefined then.
 */
export async function saveUnconfirmedTwoFactor(db: Db, accountId: string, secretEnc: string, now: Date) {
  const [row] = await db
    .insert(twoFactorCredentials)
    .values({ accountId, secretEnc, createdAt: now })
    .onConflictDoUpdate({
      target: twoFactorCredentials.accountId,
      set: { secretEnc, createdAt: now, lastUsedStep: null },
      setWhere: isNull(twoFactorCredentials.confirmedAt),
    })
    .returning();
  return row;
}

/** Confirms an enrolment with the step of the code that proved it; answers whether it was still unconfirmed. */
export async function confirmTwoFactor(db: Db, accountId: string, step: number, now: Date) {
  const rows = await db
    .update(twoFactorCredentials)
    .set({ confirmedAt: now, lastUsedStep: step })
    .where(and(eq(twoFactorCredentials.accountId, accountId), isNull(twoFactorCredentials.confirmedAt)))
    .returning({ accountId: twoFactorCredentials.accountId });
  return rows.length === 1;
}

/**
 * Records `step` as used, only if it is later than the last one used: of two requests
 * with the same code, exactly one wins (replay refusal holds under concurrency).
 */
export async function claimTwoFactorStep(db: Db, accountId: string, step: number) {
  const rows = await db
    .update(twoFactorCredentials)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(twoFactorCredentials.accountId, accountId),
        isNotNull(twoFactorCredentials.confirmedAt),
        or(isNull(twoFactorCredentials.lastUsedStep), lt(twoFactorCredentials.lastUsedStep, step)),
      ),
    )
    .returning({ accountId: twoFactorCredentials.accountId });
  return rows.length === 1;
}

export async function replaceRecoveryCodes(db: Db, accountId: string, codeHashes: string[], now: Date) {
  await db.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.accountId, accountId));
  await db.insert(twoFactorRecoveryCodes).values(codeHashes.map((codeHash) => ({ accountId, codeHash, createdAt: now })));
}

/** Marks an unused recovery code used; answers whether it was there and unused (of two concurrent uses, one wins). */
export async function spendRecoveryCode(db: Db, accountId: string, codeHash: string, now: Date) {
  const rows = await db
    .update(twoFactorRecoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(twoFactorRecoveryCodes.accountId, accountId), eq(twoFactorRecoveryCodes.codeHash, codeHash), isNull(twoFactorRecoveryCodes.usedAt)))
    .returning({ id: twoFactorRecoveryCodes.id });
  return rows.length === 1;
}

export async function countUnusedRecoveryCodes(db: Db, accountId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(twoFactorRecoveryCodes)
    .where(and(eq(twoFactorRecoveryCodes.accountId, accountId), isNull(twoFactorRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}
