'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { clearSessionCookie, requestAddress, requestUserAgent, setSessionCookie } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { safeNextPath } from '@/lib/http/safe-next-path';
import { confirmEmailSchema, forgotPasswordSchema, loginSchema, registerSchema, resetPasswordSchema } from '@/lib/schemas/auth';
import { confirmEmail } from '@/lib/features/account';
import { requestPasswordReset } from '@/lib/features/account';
import { resetPassword } from '@/lib/features/account';
import { signIn } from '@/lib/features/account';
import { signOut } from '@/lib/features/account';
import { signUp } from '@/lib/features/account';

// Finding 5: a new and a registered address get the same answer (lib/features/account/sign-up.ts).
export const registerAction = createAction({ schema: registerSchema, access: 'public' }, async (input, ctx) => {
  await signUp(ctx, { email: input.email, password: input.password });
  redirect('/register/sent');
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

export const confirmEmailAction = createAction({ schema: confirmEmailSchema, access: 'public' }, async (input, ctx) => {
  await confirmEmail(ctx, { token: input.token });
  redirect(ctx.user ? '/account' : '/login?confirmed=1');
});

/** The same answer whether or not the address has an account. */
export const forgotPasswordAction = createAction({ schema: forgotPasswordSchema, access: 'public' }, async (input, ctx) => {
  await requestPasswordReset(ctx, { email: input.email, address: await requestAddress() });
  return { sent: true };
});

export const resetPasswordAction = createAction({ schema: resetPasswordSchema, access: 'public' }, async (input, ctx) => {
  const { accountId } = await resetPassword(ctx, { token: input.token, password: input.password });
  // This browser's session, if it was the account's, was ended with the others.
  if (ctx.user?.accountId === accountId) await clearSessionCookie();
  redirect('/login?reset=1');
});
