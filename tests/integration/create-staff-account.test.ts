import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByEmail } from '@/db/queries/accounts';
import { auditLog } from '@/db/schema';
import { createStaffAccount } from '@/lib/features/account/create-staff-account';
import { registerAccount } from '@/lib/features/account/register-account';
import { signIn } from '@/lib/features/account/sign-in';
import { expectAppError } from './support/expect-error';
import { createTestDatabase, ctx, type TestDatabase } from './support/test-db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe('creating staff accounts from the command line (createStaffAccount)', () => {
  it('creates a reviewer account that signs in with the given password', async () => {
    const result = await createStaffAccount(ctx(t.db), { email: 'reviewer@example.com', role: 'reviewer', password: 'review-pass-1' });

    expect(result).toMatchObject({ outcome: 'created', role: 'reviewer' });
    expect(result.accountNumber).toMatch(/^[1-9]\d{9}$/);
    await expect(signIn(ctx(t.db), { email: 'reviewer@example.com', password: 'review-pass-1', address: '192.0.2.10' })).resolves.toMatchObject({
      role: 'reviewer',
    });
  });

  it('gives an existing account the role and the new password, keeping its 账号ID', async () => {
    const existing = await registerAccount(ctx(t.db), { email: 'promoted@example.com', password: 'old-password-1', emailConfirmed: true });

    const result = await createStaffAccount(ctx(t.db), { email: 'promoted@example.com', role: 'account_manager', password: 'new-password-1' });

    expect(result).toMatchObject({ outcome: 'updated', id: existing.id, accountNumber: existing.accountNumber, role: 'account_manager' });
    expect((await findAccountByEmail(t.db, 'promoted@example.com'))?.role).toBe('account_manager');
    await expectAppError(signIn(ctx(t.db), { email: 'promoted@example.com', password: 'old-password-1', address: '192.0.2.11' }), 'INVALID_CREDENTIALS');
    await expect(signIn(ctx(t.db), { email: 'promoted@example.com', password: 'new-password-1', address: '192.0.2.11' })).resolves.toMatchObject({
      role: 'account_manager',
    });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'account.role_set'));
    expect(audit).toEqual([expect.objectContaining({ accountId: existing.id, data: { role: 'account_manager', by: 'cli' } })]);
  });
});
