import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { consents } from '@/db/schema';

export async function insertConsent(db: Db, values: typeof consents.$inferInsert) {
  const [row] = await db.insert(consents).values(values).returning();
  return row!;
}

/** Whether the account consented to this purpose's text version for this process. */
export async function hasConsent(db: Db, q: { accountId: string; purpose: string; textVersion: string; processRef: string }): Promise<boolean> {
  const rows = await db
    .select({ id: consents.id })
    .from(consents)
    .where(and(eq(consents.accountId, q.accountId), eq(consents.purpose, q.purpose), eq(consents.textVersion, q.textVersion), eq(consents.processRef, q.processRef)))
    .limit(1);
  return rows.length > 0;
}
