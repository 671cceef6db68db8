import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { revokeOtherSessionsAction, revokeSessionAction } from '@/app/(console)/account/sessions-actions';
import { revokeAccountSessions } from '@/db/queries/accounts';
import { auditLog, userSessions } from '@/db/schema';
import { getCurrentUser } from '@/lib/auth/session';
import { listAccountSessions } from '@/lib/features/account/list-account-sessions';
import { registerAccount } from '@/lib/features/account/register-account';
import { revokeAccountSession } from '@/lib/features/account/revoke-account-session';
import { signIn } from '@/lib/features/account/sign-in';
import { storageTestSetup } from '../storage/support';
import { expectAppError } from '../support/expect-error';
import { inRequest, sessionCookie } from '../support/requests';
import { ctx, type TestDatabase } from '../support/test-db';

vi.mock('next-auth', async (original) => (await import('../support/next-mocks')).withTestSession(original));
vi.mock('next/headers', async (original) => (await import('../support/next-mocks')).withTestHeaders(original));
vi.mock('next/cache', async (original) => (await import('../support/next-mocks')).withoutRevalidation(original));

const PASSWORD = 'sessions-tests-9';
let t: TestDatabase;
beforeAll(async () => {
  t = await storageTestSetup();
});
afterAll(async () => {
  await t?.close();
});

let n = 0;
async function account() {
  const email = `devices-${++n}@example.com`;
  const { id } = await registerAccount(ctx(t.db), { email, password: PASSWORD });
  return { id, email };
}

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
async function signInAs(email: string, userAgent = FIREFOX, address = '198.51.100.23') {
  const session = await signIn(ctx(t.db), { email, password: PASSWORD, address, userAgent });
  return { ...session, cookie: await sessionCookie(session) };
}

async function asRequest<T>(cookie: string | null, fn: () => Promise<T>): Promise<T> {
  const outcome = await inRequest(cookie, fn);
  if ('thrown' in outcome) throw outcome.thrown;
  return outcome.value as T;
}

async function revokedAt(sessionId: string) {
  return (await t.db.select().from(userSessions).where(eq(userSessions.id, sessionId)))[0]!.revokedAt;
}

describe('登录设备', () => {
  it('lists the live sessions with browser, masked address and times, the one in use first and marked', async () => {
    const a = await account();
    const phone = await signInAs(a.email, 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1', '2001:db8:85a3::8a2e:370:7334');
    const desk = await signInAs(a.email);
    const ended = await signInAs(a.email);
    await revokeAccountSession(ctx(t.db), { actorAccountId: a.id, sessionId: ended.sessionId });

    const list = await listAccountSessions(ctx(t.db), { accountId: a.id, currentSessionId: phone.sessionId });

    expect(list.map((s) => s.id)).toEqual([phone.sessionId, desk.sessionId]);
    expect(list[0]).toMatchObject({ current: true, device: 'Safari 17 · iOS', addressMasked: '2001:db8:85a3::/48' });
    expect(list[1]).toMatchObject({ current: false, device: 'Firefox 128 · Windows', addressMasked: '198.51.100.*' });
  });

  it('退出 ends another session of the account: its cookie no longer signs in', async () => {
    const a = await account();
    const here = await signInAs(a.email);
    const there = await signInAs(a.email);

    const result = await asRequest(here.cookie, () => revokeSessionAction({ status: 'idle' } as never, formOf({ sessionId: there.sessionId })));

    expect(result).toMatchObject({ status: 'ok' });
    expect(await revokedAt(there.sessionId)).not.toBeNull();
    expect(await asRequest(there.cookie, getCurrentUser)).toBeNull();
    expect(await asRequest(here.cookie, getCurrentUser)).toMatchObject({ accountId: a.id });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.target, `session:${there.sessionId}`)).then((rows) => rows.filter((r) => r.action === 'session.revoked'));
    expect(audit).toMatchObject({ actorAccountId: a.id, accountId: a.id });
    expect(JSON.stringify(audit)).not.toMatch(/198\.51|Firefox/);
  });

  it("refuses to end another account's session, and changes nothing", async () => {
    const mine = await account();
    const theirs = await account();
    const me = await signInAs(mine.email);
    const them = await signInAs(theirs.email);

    await expectAppError(revokeAccountSession(ctx(t.db), { actorAccountId: mine.id, sessionId: them.sessionId }), 'SESSION_NOT_FOUND');
    const posted = await asRequest(me.cookie, () => revokeSessionAction({ status: 'idle' } as never, formOf({ sessionId: them.sessionId })));

    expect(posted).toMatchObject({ status: 'error', message: '该登录设备不存在或已退出' });
    expect(await revokedAt(them.sessionId)).toBeNull();
    expect(await asRequest(them.cookie, getCurrentUser)).toMatchObject({ accountId: theirs.id });
  });

  it('退出其他设备 ends every other session and keeps the one in use', async () => {
    const a = await account();
    const other = await account();
    const here = await signInAs(a.email);
    const two = await signInAs(a.email);
    const three = await signInAs(a.email);
    const elsewhere = await signInAs(other.email);

    const result = await asRequest(here.cookie, () => revokeOtherSessionsAction({ status: 'idle' } as never, new FormData()));

    expect(result).toMatchObject({ status: 'ok', data: { revoked: 2 } });
    expect(await revokedAt(here.sessionId)).toBeNull();
    expect(await revokedAt(two.sessionId)).not.toBeNull();
    expect(await revokedAt(three.sessionId)).not.toBeNull();
    expect(await revokedAt(elsewhere.sessionId)).toBeNull();
  });

  it('revokeAccountSessions counts what it ended, and without an exception ends them all', async () => {
    const a = await account();
    await signInAs(a.email);
    await signInAs(a.email);
    expect(await revokeAccountSessions(t.db, a.id, new Date())).toBe(2);
    expect(await revokeAccountSessions(t.db, a.id, new Date())).toBe(0);
  });
});

function formOf(fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}
