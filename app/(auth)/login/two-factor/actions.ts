'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/action';
import { getPendingSignIn } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { safeNextPath } from '@/lib/http/safe-next-path';
import { recoveryCodeSchema, secondFactorSchema } from '@/lib/schemas/two-factor';
import { passSecondFactor } from '@/lib/features/account';

/**
 * The sign-in's second step. Public as far as the wrapper goes — a pending session is
 * no signed-in user — so it finds the pending sign-in itself; without one, it starts over.
 */
export const secondFactorAction = createAction({ schema: secondFactorSchema, access: 'public' }, async (input, ctx) => {
  const pending = await getPendingSignIn();
  if (!pending) redirect('/login?expired=1');
  await passSecondFactor(ctx, { accountId: pending.accountId, sessionId: pending.sessionId, code: input.code });
  signedInNow();
  redirect(safeNextPath(input.next, env().APP_URL) ?? '/account');
});

export const recoveryCodeAction = createAction({ schema: recoveryCodeSchema, access: 'public' }, async (input, ctx) => {
  const pending = await getPendingSignIn();
  if (!pending) redirect('/login?expired=1');
  await passSecondFactor(ctx, { accountId: pending.accountId, sessionId: pending.sessionId, recoveryCode: input.recoveryCode });
  signedInNow();
  // 账号信息 then says how many recovery codes are left.
  redirect('/account?recovery-code-used=1');
});

/**
 * The cookie does not change at this step (the session row does), so Next.js would keep the
 * signed-out header of the layout it already has: render every layout afresh.
 */
function signedInNow() {
  revalidatePath('/', 'layout');
}
