'use server';

import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/action';
import { markReadSchema } from '@/lib/schemas/site-messages';
import { markSiteMessagesRead } from '@/lib/features/notifications';

export const markReadAction = createAction({ schema: markReadSchema }, async (input, ctx) => {
  const result = await markSiteMessagesRead(ctx, ctx.user.accountId, input.messageId);
  // The header's unread count is on every page.
  revalidatePath('/', 'layout');
  return result;
});
