import { setSiteMessagesRead } from '@/db/queries/site-messages';
import type { ServiceContext } from '../context';

/** 标为已读: one of the account's messages, or all of them. Another account's id changes nothing. */
export async function markSiteMessagesRead(ctx: ServiceContext, accountId: string, messageId?: string): Promise<{ marked: number }> {
  const now = await ctx.clock.now();
  return { marked: await setSiteMessagesRead(ctx.db, accountId, now, messageId) };
}
