import { BACK_OFFICE_ROLES } from '@/lib/domain/review/staff';
import { getServerSession } from 'next-auth';
import { encode } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import type { Role } from '@/db/schema';
import { findLiveSession, touchSession } from '@/db/queries/accounts';
import { env } from '@/lib/env';
import { getServiceContext } from '@/lib/features/runtime';
import { authOptions, sessionCookieName, SESSION_ABSOLUTE_SECONDS } from './options';
import { clientAddressFrom } from './client-address';
import { sessionTimedOut } from './session-timeouts';

export interface CurrentUser {
  accountId: string;
  sessionId: string;
  /**
   * The role this session may act in: the account's role, except that staff without
   * 两步验证 act as `user` until they enrol (ADR 0024) — so every role check (pages,
   * actions, route handlers) refuses them the back office without knowing about 2FA.
   */
  role: Role;
  /** The role on the account, whatever the session may do with it. */
  accountRole: Role;
  twoFactorEnabled: boolean;
  email: string;
  nickname: string;
}

/** The back office's roles (lib/domain/review/staff.ts), typed as account roles for the guards. */
export const STAFF_ROLES: readonly Role[] = BACK_OFFICE_ROLES;
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
  // A session waiting for its 两步验证 code is signed out everywhere but /login/two-factor.
  if (live.session.secondFactorPending) return null;
  const now = Date.now();
  if (sessionTimedOut(live.session, now)) return null;
  if (now - live.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, session.sid, new Date(now));
  const twoFactorEnabled = live.twoFactorConfirmedAt !== null;
  const role = STAFF_ROLES.includes(live.account.role) && !twoFactorEnabled ? 'user' : live.account.role;
  return {
    accountId: live.account.id,
    sessionId: session.sid,
    role,
    accountRole: live.account.role,
    twoFactorEnabled,
    email: live.account.email,
    nickname: live.account.nickname,
  };
}

/**
 * The sign-in waiting for its 两步验证 code (ADR 0024): the cookie's session, unrevoked,
 * still pending and younger than SECOND_FACTOR_PENDING_SECONDS — or null.
 */
export async function getPendingSignIn(): Promise<{ accountId: string; sessionId: string; email: string } | null> {
  const session = await getServerSession(authOptions());
  if (!session?.sid || !session.accountId) return null;
  const { db } = await getServiceContext();
  const live = await findLiveSession(db, session.sid);
  if (!live || live.account.id !== session.accountId || !live.session.secondFactorPending) return null;
  if (sessionTimedOut(live.session, Date.now())) return null;
  return { accountId: live.account.id, sessionId: live.session.id, email: live.account.email };
}

/** For pages: the signed-in user, or a redirect to /login. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  return user;
}

/**
 * For staff pages: a user outside `roles` sees the same 404 as for a page that does not
 * exist; staff who have not enrolled 两步验证 are sent to enrol first.
 */
export async function requireStaff(roles: readonly Role[] = STAFF_ROLES): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) {
    if (roles.includes(user.accountRole) && !user.twoFactorEnabled) redirect('/account/two-factor?required=1');
    notFound();
  }
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

/** The browser's User-Agent header, for the 登录设备 summary made at sign-in (never stored as such). */
export async function requestUserAgent(): Promise<string | null> {
  return (await headers()).get('user-agent');
}

export async function requestAddress(): Promise<string> {
  const h = await headers();
  return clientAddressFrom((name) => h.get(name));
}
