import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '@/lib/errors';
import { confirmEmail } from '@/lib/features/account/confirm-email';
import { createStaffAccount } from '@/lib/features/account/create-staff-account';
import { getAccountLink } from '@/lib/features/account/get-account-link';
import { resendEmailConfirmation } from '@/lib/features/account/resend-email-confirmation';
import { signUp } from '@/lib/features/account/sign-up';
import { startPersonalVerification } from '@/lib/features/personal/start-personal-verification';
import { startSubjectChange } from '@/lib/features/change/start-subject-change';
import { expectAppError } from '../support/expect-error';
import { beijingToday, personalInfo, uniqueEmail } from '../support/factories';
import { createTestDatabase, ctx, TEST_NOW, type TestDatabase } from '../support/test-db';
import { accountByEmail, auditOf, lastLinkToken, mailsOf, PASSWORD } from './support';

const DAY_MS = 24 * 60 * 60 * 1000;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

async function signedUp(prefix: string, at: string = TEST_NOW) {
  const email = uniqueEmail(prefix);
  await signUp(ctx(t.db, at), { email, password: PASSWORD });
  return (await accountByEmail(t.db, email))!;
}

/** 个人实名认证 step 1 on the day of TEST_NOW. */
const personalInfoNow = () => personalInfo({}, beijingToday(new Date(TEST_NOW)));

describe('the confirmation link of sign-up', () => {
  it('starts the account unconfirmed and mails one link, its body encrypted in the outbox', async () => {
    const account = await signedUp('new');

    expect(account.emailConfirmedAt).toBeNull();
    const mails = await mailsOf(t.db, account.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: 'email', event: 'email_confirmation', to: account.email, subject: '请验证您的邮箱' });
    const token = await lastLinkToken(t.db, account.id, '/verify-email');
    expect(mails[0]!.body).toContain(`http://localhost:3000/verify-email?token=${token}`);
    // The outbox keeps no usable token in clear.
    expect(mails[0]!.stored).not.toContain(token);
    const audit = await auditOf(t.db, account.id);
    expect(audit.map((a) => a.action)).toEqual(['account.registered', 'email.confirmation_sent']);
    expect(JSON.stringify(audit)).not.toContain(account.email.split('@')[0]);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('confirms the address once: the same link a second time is LINK_INVALID', async () => {
    const account = await signedUp('once');
    const token = await lastLinkToken(t.db, account.id, '/verify-email');
    expect(await getAccountLink(ctx(t.db), 'email_confirmation', token)).toBe('valid');

    await expect(confirmEmail(ctx(t.db), { token })).resolves.toEqual({ accountId: account.id });

    expect((await accountByEmail(t.db, account.email))!.emailConfirmedAt?.toISOString()).toBe(TEST_NOW);
    expect(await getAccountLink(ctx(t.db), 'email_confirmation', token)).toBe('used');
    await expectAppError(confirmEmail(ctx(t.db), { token }), 'LINK_INVALID');
    expect(await auditOf(t.db, account.id, 'email.confirmed')).toHaveLength(1);
  });

  it('works for 24 hours by the product clock, not a millisecond more', async () => {
    const late = await signedUp('late');
    const lateToken = await lastLinkToken(t.db, late.id, '/verify-email');
    const atExpiry = ctx(t.db);
    atExpiry.clock.advance(DAY_MS);
    expect(await getAccountLink(atExpiry, 'email_confirmation', lateToken)).toBe('expired');
    await expectAppError(confirmEmail(atExpiry, { token: lateToken }), 'LINK_INVALID');
    expect((await accountByEmail(t.db, late.email))!.emailConfirmedAt).toBeNull();

    const justInTime = await signedUp('just-in-time');
    const token = await lastLinkToken(t.db, justInTime.id, '/verify-email');
    const before = ctx(t.db);
    before.clock.advance(DAY_MS - 1);
    await confirmEmail(before, { token });
    expect((await accountByEmail(t.db, justInTime.email))!.emailConfirmedAt).not.toBeNull();
  });

  it('knows no token it did not issue', async () => {
    await expectAppError(confirmEmail(ctx(t.db), { token: 'A'.repeat(43) }), 'LINK_INVALID');
    expect(await getAccountLink(ctx(t.db), 'email_confirmation', undefined)).toBe('unknown');
  });
});

describe('until the address is confirmed', () => {
  it('refuses to start a verification or a subject change with 请验证邮箱, and starts once confirmed', async () => {
    const account = await signedUp('gate');

    const refused = await expectAppError(startPersonalVerification(ctx(t.db), account.id, personalInfoNow()), 'EMAIL_NOT_CONFIRMED');
    expect(describeError(refused.code).message).toBe('请验证邮箱');
    await expectAppError(startSubjectChange(ctx(t.db), account.id, 'v1'), 'EMAIL_NOT_CONFIRMED');

    await confirmEmail(ctx(t.db), { token: await lastLinkToken(t.db, account.id, '/verify-email') });

    await expect(startPersonalVerification(ctx(t.db), account.id, personalInfoNow())).resolves.toMatchObject({ verificationId: expect.any(String) });
  });

  it('resends the link on request, 3 times an hour, and sends nothing once confirmed', async () => {
    const account = await signedUp('resend');
    for (let i = 0; i < 3; i++) expect(await resendEmailConfirmation(ctx(t.db), account.id)).toEqual({ sent: true });
    await expectAppError(resendEmailConfirmation(ctx(t.db), account.id), 'RATE_LIMITED');
    expect((await mailsOf(t.db, account.id)).filter((m) => m.event === 'email_confirmation')).toHaveLength(4);

    // Any of the links works; once one did, the others are spent.
    const token = await lastLinkToken(t.db, account.id, '/verify-email');
    await confirmEmail(ctx(t.db), { token });
    expect(await resendEmailConfirmation(ctx(t.db), account.id)).toEqual({ sent: false });
    expect(await auditOf(t.db, account.id, 'email.confirmation_sent')).toHaveLength(4);
  });
});

describe('accounts an operator vouches for', () => {
  it('are confirmed when made by npm run user:create, and when an existing account is promoted', async () => {
    const staffEmail = uniqueEmail('staff');
    const made = await createStaffAccount(ctx(t.db), { email: staffEmail, role: 'reviewer', password: PASSWORD });
    const promoted = await signedUp('promoted');
    await createStaffAccount(ctx(t.db), { email: promoted.email, role: 'account_manager', password: PASSWORD });

    expect((await accountByEmail(t.db, staffEmail))!.emailConfirmedAt).not.toBeNull();
    expect(await mailsOf(t.db, made.id)).toEqual([]);
    expect((await accountByEmail(t.db, promoted.email))!.emailConfirmedAt).not.toBeNull();
  });
});
