import { getServerSession } from 'next-auth';
import { encode } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import type { Role } from '@/db/schema';
import { findLiveSession, touchSession } from '@/db/queries/accounts';
import { env } from '@/lib/env';
import { getServiceContext } from '@/lib/services/context';
import { authOptions, sessionCookieName, SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from './options';
import { clientAddressFrom } from './client-address';

export interface CurrentUser {
  accountId: string;
  sessionId: string;
  role: Role;
  email: string;
  nickname: string;
}

export const STAFF_ROLES: readonly Role[] = ['reviewer', 'account_manager'];
const TOUCH_EVERY_MS = 60_000;

/**
 * The signed-in user, or null. The JWT alone is not trusted: its session row must
 * exist, be unrevoked and within the idle and absolute timeouts (real time, not the
 * product clock — moving the product clock must not sign anyone out).
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions());
  if (!session?.sid || !session.accountId) return null;
  const { db } = await getServiceContext();
  const live = await findLiveSession(db, session.sid);
  if (!live || live.account.id !== session.accountId) return null;
  const now = Date.now();
  if (now - live.session.lastSeenAt.getTime() > SESSION_IDLE_SECONDS * 1000) return null;
  if (now - live.session.createdAt.getTime() > SESSION_ABSOLUTE_SECONDS * 1000) return null;
  if (now - live.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, session.sid, new Date(now));
  return { accountId: live.account.id, sessionId: session.sid, role: live.account.role, email: live.account.email, nickname: live.account.nickname };
}

/** For pages: the signed-in user, or a redirect to /login. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  return user;
}

/** For staff pages: a user outside `roles` sees the same 404 as for a page that does not exist. */
export async function requireStaff(roles: readonly Role[] = STAFF_ROLES): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) notFound();
  return user;
}

/** Sets the next-auth session cookie for a session opened by our own sign-in action (works without JS). */
export async function setSessionCookie(s: { accountId: string; sessionId: string; role: Role }) {
  const e = env();
  const token = await encode({
    token: { sub: s.accountId, sid: s.sessionId, role: s.role },
    secret: e.NEXTAUTH_SECRET,
    maxAge: SESSION_ABSOLUTE_SECONDS,
  });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: e.APP_URL.startsWith('https://'),
    path: '/',
    maxAge: SESSION_ABSOLUTE_SECONDS,
  });
}

export async function clearSessionCookie() {
  (await cookies()).delete(sessionCookieName());
}

export async function requestAddress(): Promise<string> {
  const h = await headers();
  return clientAddressFrom((name) => h.get(name));
}
