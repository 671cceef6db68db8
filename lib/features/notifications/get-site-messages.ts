import { countUnreadSiteMessages, listSiteMessages } from '@/db/queries/site-messages';
import type { ServiceContext } from '../context';

/** The account's 站内信, newest first, with the unread count. */
export async function getSiteMessages(ctx: ServiceContext, accountId: string) {
  const [messages, unread] = await Promise.all([listSiteMessages(ctx.db, accountId, 100), countUnreadSiteMessages(ctx.db, accountId)]);
  return { unread, messages: messages.map((m) => ({ id: m.id, title: m.title, body: m.body, createdAt: m.createdAt, read: m.readAt !== null })) };
}
