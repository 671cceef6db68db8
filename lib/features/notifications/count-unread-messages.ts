import { countUnreadSiteMessages } from '@/db/queries/site-messages';
import type { ServiceContext } from '../context';

/** The header's badge: how many 站内信 are unread. */
export async function countUnreadMessages(ctx: ServiceContext, accountId: string): Promise<number> {
  return countUnreadSiteMessages(ctx.db, accountId);
}
