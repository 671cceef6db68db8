'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { clearSessionCookie, requestAddress, requestUserAgent, setSessionCookie } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { safeNextPath } from '@/lib/http/safe-next-path';
import { loginSchema, registerSchema } from '@/lib/schemas/auth';
import { registerAccount } from '@/lib/services/register-account';
import { signIn } from '@/lib/services/sign-in';
import { signOut } from '@/lib/services/sign-out';

export const registerAction = createAction({ schema: registerSchema, access: 'public' }, async (input, ctx) => {
  await registerAccount(ctx, { email: input.email, password: input.password });
  redirect('/login?registered=1');
});

export const loginAction = createAction({ schema: loginSchema, access: 'public' }, async (input, ctx) => {
  const session = await signIn(ctx, { email: input.email, password: input.password, address: await requestAddress(), userAgent: await requestUserAgent() });
  await setSessionCookie(session);
  const next = safeNextPath(input.next, env().APP_URL);
  // 两步验证 (ADR 0024): the session grants nothing until the code is given.
  if (session.secondFactorPending) redirect(next ? `/login/two-factor?next=${encodeURIComponent(next)}` : '/login/two-factor');
  redirect(next ?? '/account');
});

export const logoutAction = createAction({ schema: z.object({}) }, async (_input, ctx) => {
  await signOut(ctx, { sessionId: ctx.user.sessionId, accountId: ctx.user.accountId });
  await clearSessionCookie();
  redirect('/login');
});
