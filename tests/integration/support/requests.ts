import { decode, encode } from 'next-auth/jwt';
import type { Session } from 'next-auth';
import type { Db } from '@/db/client';
import type { Role } from '@/db/schema';
import { sessionCookieName, SESSION_ABSOLUTE_SECONDS } from '@/lib/auth/options';
import { env } from '@/lib/env';
import { registerAccount } from '@/lib/features/account/register-account';
import { signIn } from '@/lib/features/account/sign-in';
import { setRequestHeaders } from './next-mocks';
import { ctx } from './test-db';
import { enrolTwoFactor } from './two-factor';

export const APP_ORIGIN = 'http://localhost:3000';
const PASSWORD = 'request-tests-pass-9';

/*
 * Route handlers read the session through next-auth's getServerSession, which reads the
 * cookie through next/headers — only available inside a Next.js request. Test files replace
 * getServerSession (support/next-mocks.ts) with `currentSession`, which decodes the session
 * cookie of the request being handled with the real secret. Everything after that — the
 * session row, its revocation and timeouts, the role — is the product's own code
 * (lib/auth/session.ts getCurrentUser).
 */
let handledCookies: string | null = null;

export async function currentSession(): Promise<Session | null> {
  const cookie = (handledCookies ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${sessionCookieName()}=`));
  if (!cookie) return null;
  // As next-auth does: a token that does not decrypt is no session.
  const token = await decode({ token: cookie.slice(sessionCookieName().length + 1), secret: env().NEXTAUTH_SECRET }).catch(() => null);
  if (!token?.sid || !token.sub) return null;
  return { sid: token.sid, accountId: token.sub, role: token.role, expires: new Date(Date.now() + 3_600_000).toISOString() };
}

/** Calls a route handler as Next.js would for `req` (its cookies become the session). */
export async function handle<A extends unknown[]>(handler: (req: Request, ...rest: A) => Promise<Response>, req: Request, ...rest: A): Promise<Response> {
  handledCookies = req.headers.get('cookie');
  try {
    return await handler(req, ...rest);
  } finally {
    handledCookies = null;
  }
}

/**
 * Runs `fn` — a server action, a page's read — inside a request to `path` from the app's own
 * origin carrying `cookie` (and `headers`), as Next.js would; answers what it returned or threw.
 */
export async function inRequest<T>(
  cookie: string | null,
  fn: () => Promise<T>,
  options: { path?: string; headers?: Record<string, string> } = {},
): Promise<{ value?: T; thrown?: unknown }> {
  const headers = setRequestHeaders({ origin: APP_ORIGIN, host: 'localhost:3000', ...(cookie ? { cookie } : {}), ...options.headers });
  let out: { value?: T; thrown?: unknown } = {};
  await handle(async () => {
    out = await fn().then(
      (value) => ({ value }),
      (thrown: unknown) => ({ thrown }),
    );
    return new Response(null);
  }, new Request(`${APP_ORIGIN}${options.path ?? '/account'}`, { headers }));
  return out;
}

/** The Cookie header of a browser holding `session` (as next-auth signs it). */
export async function sessionCookie(session: { accountId: string; sessionId: string; role: Role }): Promise<string> {
  const token = await encode({ token: { sub: session.accountId, sid: session.sessionId, role: session.role }, secret: env().NEXTAUTH_SECRET, maxAge: SESSION_ABSOLUTE_SECONDS });
  return `${sessionCookieName()}=${token}`;
}

export interface TestUser {
  accountId: string;
  sessionId: string;
  role: Role;
  /** The Cookie header of a browser signed in as this user. */
  cookie: string;
}

/** Registers an account with `role` (staff: with 两步验证), signs it in through the product's sign-in and answers its session cookie. */
export async function signedInUser(db: Db, email: string, role: Role = 'user'): Promise<TestUser> {
  await registerAccount(ctx(db), { email, password: PASSWORD, role, emailConfirmed: true });
  const session = await signIn(ctx(db), { email, password: PASSWORD, address: '198.51.100.7' });
  // Staff act as staff only with 两步验证 (ADR 0024); enrolled after sign-in, this session is not pending.
  if (role !== 'user') await enrolTwoFactor(db, session.accountId);
  return { ...session, cookie: await sessionCookie(session) };
}
