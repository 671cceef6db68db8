import { describeError } from '@/lib/errors';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTwoFactorAction } from '@/app/(console)/account/two-factor/actions';
import { auditLog, twoFactorCredentials, twoFactorRecoveryCodes, userSessions } from '@/db/schema';
import { getCurrentUser, getPendingSignIn, requireStaff } from '@/lib/auth/session';
import { confirmTwoFactorEnrolment } from '@/lib/features/account/confirm-two-factor-enrolment';
import { getTwoFactorEnrolment } from '@/lib/features/account/get-two-factor-enrolment';
import { passSecondFactor } from '@/lib/features/account/pass-second-factor';
import { registerAccount } from '@/lib/features/account/register-account';
import { signIn } from '@/lib/features/account/sign-in';
import { startTwoFactorEnrolment } from '@/lib/features/account/start-two-factor-enrolment';
import { storageTestSetup } from '../storage/support';
import { expectAppError } from '../support/expect-error';
import { inRequest, sessionCookie } from '../support/requests';
import { ctx, type TestDatabase } from '../support/test-db';
import { codeNow } from '../support/two-factor';

vi.mock('next-auth', async (original) => (await import('../support/next-mocks')).withTestSession(original));
vi.mock('next/headers', async (original) => (await import('../support/next-mocks')).withTestHeaders(original));

const PASSWORD = 'two-factor-tests-9';
let t: TestDatabase;
beforeAll(async () => {
  t = await storageTestSetup();
});
afterAll(async () => {
  await t?.close();
});

let n = 0;
async function account(role: 'user' | 'reviewer' | 'account_manager' = 'user') {
  const email = `tf-${role}-${++n}@example.com`;
  const { id } = await registerAccount(ctx(t.db), { email, password: PASSWORD, role });
  return { id, email };
}

async function signInAs(email: string) {
  const session = await signIn(ctx(t.db), { email, password: PASSWORD, address: '203.0.113.9', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36' });
  return { ...session, cookie: await sessionCookie(session) };
}

/** Enrols `accountId` through the product's own steps; answers the secret and the recovery codes. */
async function enrol(accountId: string) {
  await startTwoFactorEnrolment(ctx(t.db), accountId);
  const pending = await getTwoFactorEnrolment(ctx(t.db), accountId);
  if (pending.state !== 'pending') throw new Error('expected a pending enrolment');
  const code = codeNow(pending.secret);
  const { recoveryCodes } = await confirmTwoFactorEnrolment(ctx(t.db), { accountId, code });
  return { secret: pending.secret, recoveryCodes, code };
}

async function auditsOf(accountId: string) {
  return t.db.select().from(auditLog).where(eq(auditLog.accountId, accountId));
}

describe('enrolling an authenticator (开启两步验证)', () => {
  it('keeps the secret encrypted, confirms with a code, and answers 10 recovery codes that are stored hashed', async () => {
    const a = await account('reviewer');
    await startTwoFactorEnrolment(ctx(t.db), a.id);
    const pending = await getTwoFactorEnrolment(ctx(t.db), a.id);
    expect(pending).toMatchObject({ state: 'pending', secret: expect.stringMatching(/^[A-Z2-7]{32}$/), qrDataUrl: expect.stringMatching(/^data:image\/png;base64,/) });
    const secret = (pending as { secret: string }).secret;
    const [row] = await t.db.select().from(twoFactorCredentials).where(eq(twoFactorCredentials.accountId, a.id));
    expect(row!.secretEnc).not.toContain(secret);
    expect(row!.confirmedAt).toBeNull();

    await expectAppError(confirmTwoFactorEnrolment(ctx(t.db), { accountId: a.id, code: '000000' === codeNow(secret) ? '111111' : '000000' }), 'TWO_FACTOR_CODE_INVALID');
    const { recoveryCodes } = await confirmTwoFactorEnrolment(ctx(t.db), { accountId: a.id, code: codeNow(secret) });

    expect(recoveryCodes).toHaveLength(10);
    const stored = await t.db.select().from(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.accountId, a.id));
    expect(stored).toHaveLength(10);
    const dump = JSON.stringify(stored);
    for (const code of recoveryCodes) expect(dump).not.toContain(code.replace('-', ''));
    expect(await getTwoFactorEnrolment(ctx(t.db), a.id)).toMatchObject({ state: 'on', recoveryCodesLeft: 10 });
    await expectAppError(startTwoFactorEnrolment(ctx(t.db), a.id), 'TWO_FACTOR_ALREADY_ENROLLED');

    const audits = await auditsOf(a.id);
    expect(audits.map((r) => r.action)).toEqual(expect.arrayContaining(['two_factor.enrolled', 'two_factor.failed']));
    const text = JSON.stringify(audits);
    expect(text).not.toContain(secret);
    for (const code of recoveryCodes) expect(text).not.toContain(code);
  });
});

describe('signing in with 两步验证', () => {
  it('opens a pending session that grants nothing until a code is given', async () => {
    const a = await account('reviewer');
    const { secret, code: enrolmentCode } = await enrol(a.id);
    const session = await signInAs(a.email);
    expect(session.secondFactorPending).toBe(true);

    expect((await inRequest(session.cookie, getCurrentUser)).value).toBeNull();
    expect((await inRequest(session.cookie, getPendingSignIn)).value).toMatchObject({ accountId: a.id, sessionId: session.sessionId });
    // A page of the back office sends it to /login, as for anyone signed out.
    expect(String((await inRequest(session.cookie, () => requireStaff())).thrown)).toContain('NEXT_REDIRECT');
    expect(JSON.stringify((await inRequest(session.cookie, () => requireStaff())).thrown)).toContain('/login');

    // The enrolment's code used its time step: it counts as used, here too.
    await expectAppError(passSecondFactor(ctx(t.db), { accountId: a.id, sessionId: session.sessionId, code: enrolmentCode }), 'TWO_FACTOR_CODE_USED');
    await passSecondFactor(ctx(t.db), { accountId: a.id, sessionId: session.sessionId, code: codeNow(secret, 1) });

    expect((await inRequest(session.cookie, getCurrentUser)).value).toMatchObject({ accountId: a.id, role: 'reviewer', twoFactorEnabled: true });
    expect((await inRequest(session.cookie, getPendingSignIn)).value).toBeNull();
    expect((await auditsOf(a.id)).map((r) => r.action)).toContain('two_factor.passed');
  });

  it('refuses a code of a time step already used (replay), also on another sign-in', async () => {
    const a = await account('reviewer');
    const { secret } = await enrol(a.id);
    const code = codeNow(secret, 1); // the enrolment used the current step
    const first = await signInAs(a.email);
    const second = await signInAs(a.email);

    await passSecondFactor(ctx(t.db), { accountId: a.id, sessionId: first.sessionId, code });
    const replay = await expectAppError(passSecondFactor(ctx(t.db), { accountId: a.id, sessionId: second.sessionId, code }), 'TWO_FACTOR_CODE_USED');
    expect(replay.code).toBe('TWO_FACTOR_CODE_USED');
    expect((await inRequest(second.cookie, getCurrentUser)).value).toBeNull();
  });

  it('refuses two concurrent uses of one code but once', async () => {
    const a = await account('account_manager');
    const { secret } = await enrol(a.id);
    const code = codeNow(secret, 1);
    const sessions = await Promise.all([signInAs(a.email), signInAs(a.email), signInAs(a.email)]);
    const outcomes = await Promise.allSettled(sessions.map((s) => passSecondFactor(ctx(t.db), { accountId: a.id, sessionId: s.sessionId, code })));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
  });

  it('limits wrong codes to 5 in 15 minutes per account; then even the right one waits', async () => {
    const a = await account('reviewer');
    const { secret } = await enrol(a.id);
    const session = await signInAs(a.email);
    const wrong = codeNow(secret, 1) === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) await expectAppError(passSecondFactor(ctx(t.db), { accountId: a.id, sessionId: session.sessionId, code: wrong }), 'TWO_FACTOR_CODE_INVALID');

    const locked = await expectAppError(passSecondFactor(ctx(t.db), { accountId: a.id, sessionId: session.sessionId, code: codeNow(secret, 1) }), 'TWO_FACTOR_LOCKED');
    expect(describeError(locked.code, locked.detail).message).toMatch(/请 1[45] 分钟后再试/);
    expect((await inRequest(session.cookie, getCurrentUser)).value).toBeNull();
    const actions = (await auditsOf(a.id)).map((r) => r.action);
    expect(actions.filter((x) => x === 'two_factor.failed')).toHaveLength(5);
    expect(actions).toContain('two_factor.rate_limited');
  });

  it('takes a recovery code once, and not twice', async () => {
    const a = await account('reviewer');
    const { recoveryCodes } = await enrol(a.id);
    const first = await signInAs(a.email);
    const second = await signInAs(a.email);

    expect(await passSecondFactor(ctx(t.db), { accountId: a.id, sessionId: first.sessionId, recoveryCode: recoveryCodes[3]!.toUpperCase() })).toEqual({ recoveryCodesLeft: 9 });
    await expectAppError(passSecondFactor(ctx(t.db), { accountId: a.id, sessionId: second.sessionId, recoveryCode: recoveryCodes[3]! }), 'TWO_FACTOR_RECOVERY_CODE_INVALID');
    expect((await inRequest(first.cookie, getCurrentUser)).value).toMatchObject({ accountId: a.id });
    expect((await inRequest(second.cookie, getCurrentUser)).value).toBeNull();
    const audits = await auditsOf(a.id);
    expect(audits.map((r) => r.action)).toContain('two_factor.recovery_code_used');
    expect(JSON.stringify(audits)).not.toContain(recoveryCodes[3]!);
  });

  it('keeps a browser summary and a masked address on the session, never the header or the address', async () => {
    const a = await account();
    const session = await signInAs(a.email);
    const [row] = await t.db.select().from(userSessions).where(eq(userSessions.id, session.sessionId));
    expect(row).toMatchObject({ device: 'Chrome 126 · Linux', addressMasked: '203.0.113.*', secondFactorPending: false });
  });
});

describe('the back office stays shut to staff until they enrol', () => {
  it('lets an unenrolled reviewer act as a user only, and sends back-office pages to the enrolment page', async () => {
    const a = await account('reviewer');
    const session = await signInAs(a.email);
    expect(session.secondFactorPending).toBe(false);

    expect((await inRequest(session.cookie, getCurrentUser)).value).toMatchObject({ role: 'user', accountRole: 'reviewer', twoFactorEnabled: false });
    expect(JSON.stringify((await inRequest(session.cookie, () => requireStaff())).thrown)).toContain('/account/two-factor?required=1');

    await enrol(a.id);
    expect((await inRequest(session.cookie, () => requireStaff())).value).toMatchObject({ role: 'reviewer' });
  });

  it('refuses a back-office action to an unenrolled reviewer with the reason', async () => {
    const { rejectCaseAction } = await import('@/app/(review)/review/cases/[id]/actions');
    const a = await account('reviewer');
    const session = await signInAs(a.email);
    const form = new FormData();
    form.set('caseId', '00000000-0000-4000-8000-000000000000');
    const { value } = await inRequest(session.cookie, () => rejectCaseAction({ status: 'idle' } as never, form));
    expect(value).toMatchObject({ status: 'error', message: '审核后台要求先开启两步验证，请在账号信息中完成设置' });
  });

  it('lets any user opt in from the console (the action needs a signed-in user only)', async () => {
    const a = await account();
    const session = await signInAs(a.email);
    const { thrown } = await inRequest(session.cookie, () => startTwoFactorAction({ status: 'idle' } as never, new FormData()));
    expect(String((thrown as { digest?: string }).digest)).toContain('/account/two-factor');
    expect(await getTwoFactorEnrolment(ctx(t.db), a.id)).toMatchObject({ state: 'pending' });
  });
});
