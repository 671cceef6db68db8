import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts, auditLog, outboxMessages } from '@/db/schema';
import { decryptField } from '@/lib/security/crypto';
import { OUTBOX_RECIPIENT_CONTEXT } from '@/db/schema';
import { outboxBodyText } from '@/lib/features/notifications/queue-account-email';

export const PASSWORD = 'correct-horse-9';
export const NEW_PASSWORD = 'battery-staple-7';

/** The e-mails queued for an account, opened as the worker would send them. */
export async function mailsOf(db: Db, accountId: string) {
  const rows = await db.select().from(outboxMessages).where(eq(outboxMessages.accountId, accountId)).orderBy(asc(outboxMessages.createdAt));
  return rows.map((r) => ({ kind: r.kind, event: r.event, to: decryptField(r.toEnc, OUTBOX_RECIPIENT_CONTEXT), subject: r.subject, body: outboxBodyText(r.body), stored: r.body }));
}

/** The token of the last link of `path` mailed to the account. */
export async function lastLinkToken(db: Db, accountId: string, path: '/verify-email' | '/reset-password'): Promise<string> {
  const mails = await mailsOf(db, accountId);
  for (const mail of mails.reverse()) {
    const match = mail.body.match(/https?:\/\/\S+/g)?.find((u) => new URL(u).pathname === path);
    if (match) return new URL(match).searchParams.get('token')!;
  }
  throw new Error(`no ${path} link mailed to ${accountId}`);
}

export async function accountByEmail(db: Db, email: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.email, email));
  return row;
}

export async function auditOf(db: Db, accountId: string, action?: string) {
  return db
    .select()
    .from(auditLog)
    .where(action ? and(eq(auditLog.accountId, accountId), eq(auditLog.action, action)) : eq(auditLog.accountId, accountId));
}
