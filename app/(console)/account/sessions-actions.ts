'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { revokeSessionSchema } from '@/lib/schemas/two-factor';
import { revokeAccountSession } from '@/lib/features/account';
import { revokeOtherSessions } from '@/lib/features/account';

/** 登录设备 → 退出: the use case refuses a session that is not the actor's own. */
export const revokeSessionAction = createAction({ schema: revokeSessionSchema }, async (input, ctx) => {
  await revokeAccountSession(ctx, { actorAccountId: ctx.user.accountId, sessionId: input.sessionId });
  revalidatePath('/account');
  return { revoked: 1 };
});

export const revokeOtherSessionsAction = createAction({ schema: z.object({}) }, async (_input, ctx) => {
  const result = await revokeOtherSessions(ctx, { actorAccountId: ctx.user.accountId, currentSessionId: ctx.user.sessionId });
  revalidatePath('/account');
  return result;
});
