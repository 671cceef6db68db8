import type { Db } from '@/db/client';
import { insertSiteMessage } from '@/db/queries/site-messages';

/**
 * Writes one 站内信 inside the transaction of the state change it reports (SPEC §8:
 * the notification commits or rolls back with the change). Deliberately minimal (a
 * title, a body, read or not); notify-account.ts sends the other channels (e-mail, SMS,
 * WeChat) next to it, and the inbox pages with the unread count come with issue 9.
 */
export async function sendSiteMessage(tx: Db, message: { accountId: string; title: string; body: string }, now: Date) {
  return insertSiteMessage(tx, { ...message, createdAt: now });
}
