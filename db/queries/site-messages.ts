import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { siteMessages } from '../schema';

/** 站内信: written in the transaction of the change they report (lib/features/notifications/notify-account.ts). */
export async function insertSiteMessage(tx: Db, values: { accountId: string; title: string; body: string; createdAt: Date }) {
  const [row] = await tx.insert(siteMessages).values(values).returning();
  return row!;
}

export async function listSiteMessages(db: Db, accountId: string, limit = 50) {
  return db.select().from(siteMessages).where(eq(siteMessages.accountId, accountId)).orderBy(desc(siteMessages.createdAt)).limit(limit);
}

export async function countUnreadSiteMessages(db: Db, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(siteMessages)
    .where(and(eq(siteMessages.accountId, accountId), isNull(siteMessages.readAt)));
  return row?.n ?? 0;
}

/** Marks the account's message read (one id), or all its unread messages (no id); answers how many changed. */
export async function setSiteMessagesRead(db: Db, accountId: string, now: Date, id?: string): Promise<number> {
  const rows = await db
    .update(siteMessages)
    .set({ readAt: now })
    .where(and(eq(siteMessages.accountId, accountId), isNull(siteMessages.readAt), id ? eq(siteMessages.id, id) : undefined))
    .returning({ id: siteMessages.id });
  return rows.length;
}
