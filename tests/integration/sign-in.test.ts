import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findLiveSession } from '@/db/queries/accounts';
import { auditLog, userSessions } from '@/db/schema';
import { describeError } from '@/lib/errors';
import { registerAccount } from '@/lib/features/account/register-account';
import { SIGN_IN_ACCOUNT_RULE, SIGN_IN_ADDRESS_RULE, signIn } from '@/lib/features/account/sign-in';
import { expectAppError } from './support/expect-error';
import { createTestDatabase, ctx, type TestDatabase } from './support/test-db';

const PASSWORD = 'correct-horse-9';
const WRONG = 'wrong-horse-9';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

/** Each test signs in from its own address, so that the per-address limit of one test never touches another. */
let addressCount = 0;
function freshAddress() {
  addressCount += 1;
  return `203.0.113.${addressCount}`;
}

async function accountWithPassword(email: string) {
  return registerAccount(ctx(t.db), { email, password: PASSWORD, emailConfirmed: true });
}

describe('signing in (signIn)', () => {
  it('opens a server-side session with the right password', async () => {
    const account = await accountWithPassword('right@example.com');

    const session = await signIn(ctx(t.db), { email: 'right@example.com', password: PASSWORD, address: freshAddress() });

    expect(session).toMatchObject({ accountId: account.id, role: 'user' });
    const live = await findLiveSession(t.db, session.sessionId);
    expect(live?.account.id).toBe(account.id);
    const [row] = await t.db.select().from(userSessions).where(eq(userSessions.id, session.sessionId));
    expect(row).toMatchObject({ accountId: account.id, revokedAt: null });
  });

  it('refuses a wrong password with INVALID_CREDENTIALS', async () => {
    await accountWithPassword('wrong@example.com');

    await expectAppError(signIn(ctx(t.db), { email: 'wrong@example.com', password: WRONG, address: freshAddress() }), 'INVALID_CREDENTIALS');
  });

  it('answers an unknown email exactly as a wrong password, so that nobody learns who has an account', async () => {
    await accountWithPassword('known@example.com');
    const address = freshAddress();

    const unknown = await expectAppError(signIn(ctx(t.db), { email: 'nobody@example.com', password: PASSWORD, address }), 'INVALID_CREDENTIALS');
    const wrong = await expectAppError(signIn(ctx(t.db), { email: 'known@example.com', password: WRONG, address }), 'INVALID_CREDENTIALS');

    expect(describeError(unknown.code, unknown.detail)).toEqual(describeError(wrong.code, wrong.detail));
  });

  it('locks an account for minutes from the 11th wrong password on, and then refuses even the right one', async () => {
    await accountWithPassword('locked@example.com');
    const address = freshAddress();

    const codes: string[] = [];
    for (let attempt = 1; attempt <= 20; attempt++) {
      const error = await expectAppError(
        signIn(ctx(t.db), { email: 'locked@example.com', password: WRONG, address }),
        attempt <= 10 ? 'INVALID_CREDENTIALS' : 'SIGN_IN_LOCKED_ACCOUNT',
      );
      codes.push(error.code);
      if (attempt > 10) expect(describeError(error.code, error.detail).message).toContain('分钟后再试');
    }
    expect(codes.slice(0, 10).every((c) => c === 'INVALID_CREDENTIALS')).toBe(true);
    expect(codes.slice(10).every((c) => c === 'SIGN_IN_LOCKED_ACCOUNT')).toBe(true);

    const refused = await expectAppError(signIn(ctx(t.db), { email: 'locked@example.com', password: PASSWORD, address }), 'SIGN_IN_LOCKED_ACCOUNT');
    expect(describeError(refused.code, refused.detail).message).toMatch(/请 \d+ 分钟后再试$/);
  });

  it('starts the count of wrong passwords again after a successful sign-in', async () => {
    await accountWithPassword('reset@example.com');
    const address = freshAddress();
    const attempt = (password: string) => signIn(ctx(t.db), { email: 'reset@example.com', password, address });

    for (let i = 0; i < 9; i++) await expectAppError(attempt(WRONG), 'INVALID_CREDENTIALS');
    await attempt(PASSWORD);
    // Without the reset the 11th failure overall (the 2nd here) would already be locked out.
    for (let i = 0; i < 10; i++) await expectAppError(attempt(WRONG), 'INVALID_CREDENTIALS');
    await expectAppError(attempt(WRONG), 'SIGN_IN_LOCKED_ACCOUNT');
  });

  it(`locks every account's sign-in from an address after ${SIGN_IN_ADDRESS_RULE.points} failures from it in an hour`, async () => {
    await accountWithPassword('bystander@example.com');
    const noisy = freshAddress();

    // Different (unknown) emails, so that no per-account limit is reached first.
    for (let i = 0; i < SIGN_IN_ADDRESS_RULE.points; i++) {
      await expectAppError(signIn(ctx(t.db), { email: `guess-${i}@example.com`, password: WRONG, address: noisy }), 'INVALID_CREDENTIALS');
    }

    const locked = await expectAppError(
      signIn(ctx(t.db), { email: 'bystander@example.com', password: PASSWORD, address: noisy }),
      'SIGN_IN_LOCKED_ADDRESS',
    );
    expect(describeError(locked.code, locked.detail).message).toContain('分钟后再试');
    // The account itself is not locked: from another address it signs in.
    await expect(signIn(ctx(t.db), { email: 'bystander@example.com', password: PASSWORD, address: freshAddress() })).resolves.toMatchObject({
      role: 'user',
    });
  }, 60_000);

  it('audits failed, rate-limited and successful sign-ins without the clear email', async () => {
    const account = await accountWithPassword('trail@example.com');
    const address = freshAddress();
    for (let i = 0; i < 10; i++) await expectAppError(signIn(ctx(t.db), { email: 'trail@example.com', password: WRONG, address }), 'INVALID_CREDENTIALS');
    await expectAppError(signIn(ctx(t.db), { email: 'trail@example.com', password: WRONG, address }), 'SIGN_IN_LOCKED_ACCOUNT');
    await accountWithPassword('trail-ok@example.com');
    const ok = await signIn(ctx(t.db), { email: 'trail-ok@example.com', password: PASSWORD, address: freshAddress() });

    const rows = await t.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.accountId, [account.id, ok.accountId]));
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'sign_in.failed')).toHaveLength(10);
    expect(actions).toContain('sign_in.rate_limited');
    expect(actions).toContain('sign_in.succeeded');
    expect(rows.find((r) => r.action === 'sign_in.failed')?.data).toEqual({ reason: 'password' });
    expect(rows.find((r) => r.action === 'sign_in.rate_limited')?.data).toEqual({ scope: 'account' });
    expect(rows.find((r) => r.action === 'sign_in.succeeded')?.target).toBe(`session:${ok.sessionId}`);

    // No sign-in row of this file (including unknown-email failures) carries an email.
    const all = await t.db.select().from(auditLog).where(inArray(auditLog.action, ['sign_in.failed', 'sign_in.rate_limited', 'sign_in.succeeded']));
    expect(all.some((r) => r.action === 'sign_in.failed' && r.accountId === null)).toBe(true);
    expect(JSON.stringify(all)).not.toMatch(/@|example\.com/);
  });

  it('checks at most 10 passwords when 30 wrong ones for one account arrive at once', async () => {
    await accountWithPassword('parallel@example.com');
    const address = freshAddress();

    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () => signIn(ctx(t.db), { email: 'parallel@example.com', password: WRONG, address })),
    );

    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : 'signed-in'));
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(SIGN_IN_ACCOUNT_RULE.points);
    expect(codes.filter((c) => c === 'SIGN_IN_LOCKED_ACCOUNT').length).toBeGreaterThanOrEqual(30 - SIGN_IN_ACCOUNT_RULE.points);
  }, 60_000);

  it('keeps an account locked for 15 minutes after its 10th failure, even when the failures were spread out', async () => {
    await accountWithPassword('spread@example.com');
    const address = freshAddress();
    const attempt = (password: string) => signIn(ctx(t.db), { email: 'spread@example.com', password, address });
    const start = Date.parse('2031-01-06T00:00:00.000Z');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(start);
      await expectAppError(attempt(WRONG), 'INVALID_CREDENTIALS');
      vi.setSystemTime(start + 14 * 60_000);
      for (let i = 0; i < 9; i++) await expectAppError(attempt(WRONG), 'INVALID_CREDENTIALS');
      await expectAppError(attempt(WRONG), 'SIGN_IN_LOCKED_ACCOUNT');

      vi.setSystemTime(start + 16 * 60_000); // 2 minutes after the 10th failure

      await expectAppError(attempt(PASSWORD), 'SIGN_IN_LOCKED_ACCOUNT');
    } finally {
      vi.useRealTimers();
    }
  });
});
