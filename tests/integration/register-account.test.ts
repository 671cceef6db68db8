import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditLog } from '@/db/schema';
import { registerSchema } from '@/lib/schemas/auth';
import { registerAccount } from '@/lib/features/account/register-account';
import { expectAppError } from './support/expect-error';
import { createTestDatabase, ctx, type TestDatabase } from './support/test-db';

const PASSWORD = 'correct-horse-9';

/** What the sign-up form sends, through the same schema the server action uses. */
function signUpForm(email: string) {
  return registerSchema.parse({ email, password: PASSWORD, confirmPassword: PASSWORD });
}

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe('signing up (registerAccount)', () => {
  it('creates a user account with a 10-digit 账号ID and APPID and the email in lower case', async () => {
    const created = await registerAccount(ctx(t.db), signUpForm('  Li.Na@Example.COM '));

    expect(created.accountNumber).toMatch(/^[1-9]\d{9}$/);
    expect(created.appId).toMatch(/^[1-9]\d{9}$/);
    expect(created.role).toBe('user');
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, created.id));
    expect(row).toMatchObject({ email: 'li.na@example.com', role: 'user', accountNumber: created.accountNumber, appId: created.appId });
    expect(row!.passwordHash).not.toContain(PASSWORD);
  });

  it('gives every account its own 账号ID and APPID', async () => {
    const created = [];
    for (let i = 0; i < 8; i++) created.push(await registerAccount(ctx(t.db), signUpForm(`unique-${i}@example.com`)));

    expect(new Set(created.map((c) => c.accountNumber)).size).toBe(created.length);
    expect(new Set(created.map((c) => c.appId)).size).toBe(created.length);
  });

  it('refuses a second sign-up with the same email (EMAIL_TAKEN), whatever its case', async () => {
    await registerAccount(ctx(t.db), signUpForm('twice@example.com'));

    await expectAppError(registerAccount(ctx(t.db), signUpForm('twice@example.com')), 'EMAIL_TAKEN');
    await expectAppError(registerAccount(ctx(t.db), signUpForm('TWICE@example.com')), 'EMAIL_TAKEN');
    expect(await t.db.select().from(accounts).where(eq(accounts.email, 'twice@example.com'))).toHaveLength(1);
  });

  it('creates exactly one account when 10 sign-ups with one email arrive at once', async () => {
    const input = signUpForm('race@example.com');
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => registerAccount(ctx(t.db), input)));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(9);
    for (const r of refused) expect(r.reason).toMatchObject({ name: 'AppError', code: 'EMAIL_TAKEN' });
    expect(await t.db.select().from(accounts).where(eq(accounts.email, 'race@example.com'))).toHaveLength(1);
  });

  it('records account.registered and the confirmation mail in the audit log, without the email', async () => {
    const created = await registerAccount(ctx(t.db, '2025-06-03T08:30:00.000Z'), signUpForm('audited@example.com'));

    const rows = await t.db.select().from(auditLog).where(eq(auditLog.accountId, created.id));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ action: 'account.registered', actorAccountId: created.id, data: { role: 'user' } });
    expect(rows[1]).toMatchObject({ action: 'email.confirmation_sent', accountId: created.id, data: { reason: 'sign_up' } });
    expect(rows[0]!.at.toISOString()).toBe('2025-06-03T08:30:00.000Z');
    expect(JSON.stringify(rows)).not.toContain('audited');
  });
});
