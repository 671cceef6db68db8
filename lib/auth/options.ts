import type { NextAuthOptions } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { loginSchema } from '@/lib/schemas/auth';
import { getServiceContext } from '@/lib/features/runtime';
import { signIn } from '@/lib/features/account';
import { signOut } from '@/lib/features/account';
import { clientAddressFrom } from './client-address';
import { SESSION_ABSOLUTE_SECONDS } from './session-timeouts';

export { SESSION_ABSOLUTE_SECONDS } from './session-timeouts';

export function sessionCookieName(): string {
  return env().APP_URL.startsWith('https://') ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

/**
 * next-auth (v4, JWT sessions). The token carries the server-side session id (`sid`),
 * which every request checks against `user_sessions`, so that sign-out and timeouts
 * really end a session. Built lazily: `next build` must not need the secrets.
 */
export function authOptions(): NextAuthOptions {
  const e = env();
  return {
    secret: e.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: SESSION_ABSOLUTE_SECONDS, updateAge: 0 },
    pages: { signIn: '/login', signOut: '/login', error: '/login' },
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure: e.APP_URL.startsWith('https://') },
      },
    },
    providers: [
      Credentials({
        name: '邮箱',
        credentials: { email: { label: '邮箱', type: 'email' }, password: { label: '密码', type: 'password' } },
        async authorize(credentials, req) {
          const parsed = loginSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          try {
            const session = await signIn(await getServiceContext(), {
              email: parsed.data.email,
              password: parsed.data.password,
              address: clientAddressFrom((name) => {
                const v = req.headers?.[name];
                return Array.isArray(v) ? v.join(',') : (v ?? null);
              }),
              userAgent: (req.headers?.['user-agent'] as string | undefined) ?? null,
            });
            return { id: session.accountId, sid: session.sessionId, role: session.role };
          } catch (error) {
            if (isAppError(error)) return null;
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sid = user.sid;
          token.role = user.role;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: token.sid, accountId: token.sub, role: token.role };
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid && token.sub) await signOut(await getServiceContext(), { sessionId: token.sid, accountId: token.sub });
      },
    },
  };
}
