import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { accounts, twoFactorCredentials, userSessions, type Role } from '../schema';

export async function findAccountByEmail(db: Db, email: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.email, email));
  return row;
}

export async function findAccountById(db: Db, id: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row;
}

/** Inserts an account; answers `undefined` when the email, account ID or APPID is already taken. */
/**
 * The account, locked FOR SHARE, unless it was closed (删除个人信息): a write to the
 * account's own data takes it first, so it either lands before a redaction (which waits,
 * then removes it too) or finds the account closed.
 */
export async function lockOpenAccount(tx: Db, id: string) {
  const [row] = await tx
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, id), isNull(accounts.closedAt)))
    .for('share');
  return row;
}

export async function insertAccount(
  db: Db,
  values: { email: string; passwordHash: string; nickname: string; accountNumber: string; appId: string; role: Role; now: Date; emailConfirmedAt?: Date | null },
) {
  const { now, ...rest } = values;
  const [row] = await db
    .insert(accounts)
    .values({ ...rest, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning();
  return row;
}


export async function updateAccountProfile(
  db: Db,
  id: string,
  values: { nickname: string; contactPhoneEnc: string | null; industry: string | null; now: Date },
) {
  const [row] = await db
    .update(accounts)
    .set({ nickname: values.nickname, contactPhoneEnc: values.contactPhoneEnc, industry: values.industry, updatedAt: values.now })
    .where(eq(accounts.id, id))
    .returning({ id: accounts.id });
  return row;
}

export async function setAccountRole(db: Db, id: string, role: Role, now: Date) {
  await db.update(accounts).set({ role, updatedAt: now }).where(eq(accounts.id, id));
}

export async function setAccountPassword(db: Db, id: string, passwordHash: string, now: Date) {
  await db.update(accounts).set({ passwordHash, updatedAt: now }).where(eq(accounts.id, id));
}

/** Marks 联系邮箱 confirmed (once: a later confirmation keeps the first time); answers whether this call did it. */
export async function confirmAccountEmail(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ emailConfirmedAt: now, updatedAt: now })
    .where(and(eq(accounts.id, id), isNull(accounts.emailConfirmedAt)))
    .returning({ id: accounts.id });
  return rows.length === 1;
}

export async function insertSession(
  db: Db,
  accountId: string,
  now: Date,
  extra: { secondFactorPending?: boolean; device?: string | null; addressMasked?: string | null } = {},
) {
  const [row] = await db.insert(userSessions).values({ accountId, createdAt: now, lastSeenAt: now, ...extra }).returning();
  return row!;
}

/** An unrevoked session with its account, and when the account's 两步验证 was confirmed (null: not enrolled). */
export async function findLiveSession(db: Db, sessionId: string) {
  const [row] = await db
    .select({
      session: userSessions,
      account: { id: accounts.id, role: accounts.role, email: accounts.email, nickname: accounts.nickname },
      twoFactorConfirmedAt: twoFactorCredentials.confirmedAt,
    })
    .from(userSessions)
    .innerJoin(accounts, eq(accounts.id, userSessions.accountId))
    .leftJoin(twoFactorCredentials, eq(twoFactorCredentials.accountId, userSessions.accountId))
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
  return row;
}

/** The account's unrevoked sessions past their second step, newest first (登录设备; timeouts are the caller's). */
export async function listOpenSessions(db: Db, accountId: string) {
  return db
    .select()
    .from(userSessions)
    .where(and(eq(userSessions.accountId, accountId), isNull(userSessions.revokedAt), eq(userSessions.secondFactorPending, false)))
    .orderBy(desc(userSessions.lastSeenAt));
}

/** Clears the 两步验证 flag of a pending session; answers whether it was pending (and unrevoked). */
export async function markSecondFactorPassed(db: Db, accountId: string, sessionId: string, now: Date) {
  const rows = await db
    .update(userSessions)
    .set({ secondFactorPending: false, lastSeenAt: now })
    .where(
      and(eq(userSessions.id, sessionId), eq(userSessions.accountId, accountId), eq(userSessions.secondFactorPending, true), isNull(userSessions.revokedAt)),
    )
    .returning({ id: userSessions.id });
  return rows.length === 1;
}

/** Revokes one session, only if it belongs to `accountId` (a foreign id changes nothing); answers whether it did. */
export async function revokeAccountSession(db: Db, accountId: string, sessionId: string, now: Date) {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.accountId, accountId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.length === 1;
}

export async function touchSession(db: Db, sessionId: string, now: Date) {
  await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, sessionId));
}

export async function revokeSession(db: Db, sessionId: string, now: Date) {
  await db.update(userSessions).set({ revokedAt: now }).where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/**
 * Ends the account's live sessions (a new password, ADR 0023; 退出其他设备, ADR 0024), all of
 * them or all but `exceptSessionId` (the one asking); answers how many it ended. `now` is real time,
 * like every session timestamp (ADR 0002).
 */
export async function revokeAccountSessions(db: Db, accountId: string, now: Date, options: { exceptSessionId?: string } = {}): Promise<number> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(userSessions.accountId, accountId),
        isNull(userSessions.revokedAt),
        options.exceptSessionId ? ne(userSessions.id, options.exceptSessionId) : undefined,
      ),
    )
    .returning({ id: userSessions.id });
  return rows.length;
}
