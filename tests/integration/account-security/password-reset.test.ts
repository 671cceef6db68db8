import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLiveSession, insertSession, revokeAccountSessions } from '@/db/queries/accounts';
import { userSessions } from '@/db/schema';
import { getAccountLink } from '@/lib/features/account/get-account-link';
import { registerAccount } from '@/lib/features/account/register-account';
import { requestPasswordReset } from '@/lib/features/account/request-password-reset';
import { resetPassword } from '@/lib/features/account/reset-password';
import { signIn } from '@/lib/features/account/sign-in';
import { expectAppError } from '../support/expect-error';
import { uniqueEmail } from '../support/factories';
import { createTestDatabase, ctx, type TestDatabase } from '../support/test-db';
import { accountByEmail, auditOf, lastLinkToken, mailsOf, NEW_PASSWORD, PASSWORD } from './support';

const MINUTE_MS = 60 * 1000;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

let addressSeq = 0;
const freshAddress = () => `203.0.113.${++addressSeq}`;

async function confirmedAccount(prefix: string) {
  const email = uniqueEmail(prefix);
  const { id } = await registerAccount(ctx(t.db), { email, password: PASSWORD, emailConfirmed: true });
  return { id, email };
}

describe('忘记密码 (requestPasswordReset)', () => {
  it('mails a reset link to an account’s address, and nothing for an unknown one — answering the same', async () => {
    const a = await confirmedAccount('forgot');
    await expect(requestPasswordReset(ctx(t.db), { email: a.email, address: freshAddress() })).resolves.toBeUndefined();
    await expect(requestPasswordReset(ctx(t.db), { email: uniqueEmail('nobody'), address: freshAddress() })).resolves.toBeUndefined();

    const mails = await mailsOf(t.db, a.id);
    expect(mails).toEqual([expect.objectContaining({ kind: 'email', event: 'password_reset', to: a.email, subject: '重置您的密码' })]);
    const token = await lastLinkToken(t.db, a.id, '/reset-password');
    expect(mails[0]!.stored).not.toContain(token);
    const [audit] = await auditOf(t.db, a.id, 'password_reset.requested');
    expect(audit?.data).toEqual({ known: true });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('takes 3 requests an hour per address typed, known or not, and 10 per client address', async () => {
    const a = await confirmedAccount('limit');
    const unknown = uniqueEmail('unknown');
    for (let i = 0; i < 3; i++) {
      await requestPasswordReset(ctx(t.db), { email: a.email, address: freshAddress() });
      await requestPasswordReset(ctx(t.db), { email: unknown, address: freshAddress() });
    }
    // The same refusal for both: being limited says nothing about who has an account.
    await expectAppError(requestPasswordReset(ctx(t.db), { email: a.email, address: freshAddress() }), 'RATE_LIMITED');
    await expectAppError(requestPasswordReset(ctx(t.db), { email: unknown, address: freshAddress() }), 'RATE_LIMITED');
    expect((await mailsOf(t.db, a.id)).filter((m) => m.event === 'password_reset')).toHaveLength(3);

    const address = freshAddress();
    for (let i = 0; i < 10; i++) await requestPasswordReset(ctx(t.db), { email: uniqueEmail('spray'), address });
    await expectAppError(requestPasswordReset(ctx(t.db), { email: uniqueEmail('spray'), address }), 'RATE_LIMITED');
  });
});

describe('重置密码 (resetPassword)', () => {
  it('sets the new password and ends EVERY session of the account', async () => {
    const a = await confirmedAccount('reset');
    const laptop = await signIn(ctx(t.db), { email: a.email, password: PASSWORD, address: freshAddress() });
    const phone = await signIn(ctx(t.db), { email: a.email, password: PASSWORD, address: freshAddress() });
    await requestPasswordReset(ctx(t.db), { email: a.email, address: freshAddress() });

    const result = await resetPassword(ctx(t.db), { token: await lastLinkToken(t.db, a.id, '/reset-password'), password: NEW_PASSWORD });

    expect(result).toEqual({ accountId: a.id, sessionsRevoked: 2 });
    expect(await findLiveSession(t.db, laptop.sessionId)).toBeUndefined();
    expect(await findLiveSession(t.db, phone.sessionId)).toBeUndefined();
    await expectAppError(signIn(ctx(t.db), { email: a.email, password: PASSWORD, address: freshAddress() }), 'INVALID_CREDENTIALS');
    await expect(signIn(ctx(t.db), { email: a.email, password: NEW_PASSWORD, address: freshAddress() })).resolves.toMatchObject({ accountId: a.id });
    const [audit] = await auditOf(t.db, a.id, 'password_reset.completed');
    expect(audit?.data).toEqual({ sessionsRevoked: 2, emailConfirmed: false });
    expect((await mailsOf(t.db, a.id)).at(-1)).toMatchObject({ event: 'password_changed', subject: '您的密码已重置' });
  });

  it('works once: the same link again is LINK_INVALID, and an older link is spent with it', async () => {
    const a = await confirmedAccount('single-use');
    await requestPasswordReset(ctx(t.db), { email: a.email, address: freshAddress() });
    const older = await lastLinkToken(t.db, a.id, '/reset-password');
    await requestPasswordReset(ctx(t.db), { email: a.email, address: freshAddress() });
    const newer = await lastLinkToken(t.db, a.id, '/reset-password');
    expect(newer).not.toBe(older);

    await resetPassword(ctx(t.db), { token: newer, password: NEW_PASSWORD });

    await expectAppError(resetPassword(ctx(t.db), { token: newer, password: 'third-pass-3' }), 'LINK_INVALID');
    await expectAppError(resetPassword(ctx(t.db), { token: older, password: 'third-pass-3' }), 'LINK_INVALID');
    await expect(signIn(ctx(t.db), { email: a.email, password: NEW_PASSWORD, address: freshAddress() })).resolves.toBeDefined();
  });

  it('lets two uses of one link at once set one password', async () => {
    const a = await confirmedAccount('race');
    await requestPasswordReset(ctx(t.db), { email: a.email, address: freshAddress() });
    const token = await lastLinkToken(t.db, a.id, '/reset-password');

    const results = await Promise.allSettled([resetPassword(ctx(t.db), { token, password: 'first-pass-1' }), resetPassword(ctx(t.db), { token, password: 'second-pass-2' })]);

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await auditOf(t.db, a.id, 'password_reset.completed')).toHaveLength(1);
  });

  it('works for 30 minutes by the product clock, not a millisecond more', async () => {
    const a = await confirmedAccount('expiry');
    await requestPasswordReset(ctx(t.db), { email: a.email, address: freshAddress() });
    const token = await lastLinkToken(t.db, a.id, '/reset-password');

    const atExpiry = ctx(t.db);
    atExpiry.clock.advance(30 * MINUTE_MS);
    expect(await getAccountLink(atExpiry, 'password_reset', token)).toBe('expired');
    await expectAppError(resetPassword(atExpiry, { token, password: NEW_PASSWORD }), 'LINK_INVALID');

    const justBefore = ctx(t.db);
    justBefore.clock.advance(30 * MINUTE_MS - 1);
    await expect(resetPassword(justBefore, { token, password: NEW_PASSWORD })).resolves.toMatchObject({ accountId: a.id });
  });

  it('confirms an unconfirmed address (the link proved the mailbox) and lifts the sign-in lock', async () => {
    const email = uniqueEmail('locked');
    const { id } = await registerAccount(ctx(t.db), { email, password: PASSWORD });
    for (let i = 0; i < 10; i++) await signIn(ctx(t.db), { email, password: 'wrong-guess-0', address: freshAddress() }).catch(() => undefined);
    await expectAppError(signIn(ctx(t.db), { email, password: PASSWORD, address: freshAddress() }), 'SIGN_IN_LOCKED_ACCOUNT');
    await requestPasswordReset(ctx(t.db), { email, address: freshAddress() });

    await resetPassword(ctx(t.db), { token: await lastLinkToken(t.db, id, '/reset-password'), password: NEW_PASSWORD });

    expect((await accountByEmail(t.db, email))!.emailConfirmedAt).not.toBeNull();
    await expect(signIn(ctx(t.db), { email, password: NEW_PASSWORD, address: freshAddress() })).resolves.toMatchObject({ accountId: id });
  });
});

describe('revokeAccountSessions', () => {
  it('ends the live sessions of one account, all or all but one, and counts them', async () => {
    const a = await confirmedAccount('revoke');
    const other = await confirmedAccount('bystander');
    const now = new Date();
    const [s1] = [await insertSession(t.db, a.id, now), await insertSession(t.db, a.id, now), await insertSession(t.db, a.id, now)];
    const theirs = await insertSession(t.db, other.id, now);

    expect(await revokeAccountSessions(t.db, a.id, now, { exceptSessionId: s1.id })).toBe(2);
    expect(await revokeAccountSessions(t.db, a.id, now, { exceptSessionId: s1.id })).toBe(0);
    expect(await findLiveSession(t.db, s1.id)).toBeDefined();
    expect(await revokeAccountSessions(t.db, a.id, now)).toBe(1);

    const rows = await t.db.select().from(userSessions).where(eq(userSessions.accountId, a.id));
    expect(rows.every((r) => r.revokedAt !== null)).toBe(true);
    expect(await findLiveSession(t.db, theirs.id)).toBeDefined();
  });
});
