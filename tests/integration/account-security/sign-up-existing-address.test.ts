import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accounts } from '@/db/schema';
import * as password from '@/lib/auth/password';
import { signUp } from '@/lib/features/account/sign-up';
import { uniqueEmail } from '../support/factories';
import { createTestDatabase, ctx, type TestDatabase } from '../support/test-db';
import { accountByEmail, auditOf, mailsOf, PASSWORD } from './support';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe('signing up with an address that has an account (finding 5)', () => {
  it('answers as for a new address, creates nothing, and mails the owner that someone tried', async () => {
    const email = uniqueEmail('owner');
    await expect(signUp(ctx(t.db), { email, password: PASSWORD })).resolves.toBeUndefined();
    const owner = (await accountByEmail(t.db, email))!;
    const before = (await mailsOf(t.db, owner.id)).length;

    // Same resolution (no error, nothing returned), whatever the case the stranger types.
    await expect(signUp(ctx(t.db), { email, password: 'another-pass-1' })).resolves.toBeUndefined();

    expect(await t.db.select().from(accounts).where(eq(accounts.email, email))).toHaveLength(1);
    expect((await accountByEmail(t.db, email))!.passwordHash).toBe(owner.passwordHash);
    const mails = await mailsOf(t.db, owner.id);
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)).toMatchObject({ kind: 'email', event: 'sign_up_existing_address', to: email, subject: '有人尝试使用您的邮箱注册' });
    const [audit] = await auditOf(t.db, owner.id, 'sign_up.existing_address');
    expect(audit).toMatchObject({ accountId: owner.id, data: { mailed: true } });
    expect(JSON.stringify(audit)).not.toContain('owner-');
  });

  it('does the same work on both paths: one argon2id hash and one outbox e-mail', async () => {
    const hash = vi.spyOn(password, 'hashPassword');
    const fresh = uniqueEmail('fresh');
    await signUp(ctx(t.db), { email: fresh, password: PASSWORD });
    const newPath = { hashes: hash.mock.calls.length, mails: (await mailsOf(t.db, (await accountByEmail(t.db, fresh))!.id)).length };
    hash.mockClear();

    const owner = (await accountByEmail(t.db, fresh))!;
    const before = (await mailsOf(t.db, owner.id)).length;
    await signUp(ctx(t.db), { email: fresh, password: PASSWORD });
    const existingPath = { hashes: hash.mock.calls.length, mails: (await mailsOf(t.db, owner.id)).length - before };
    hash.mockRestore();

    expect(newPath).toEqual({ hashes: 1, mails: 1 });
    expect(existingPath).toEqual(newPath);
  });

  it('mails the owner at most 3 times an hour, still answering the same', async () => {
    const email = uniqueEmail('flooded');
    await signUp(ctx(t.db), { email, password: PASSWORD });
    for (let i = 0; i < 5; i++) await expect(signUp(ctx(t.db), { email, password: PASSWORD })).resolves.toBeUndefined();

    const owner = (await accountByEmail(t.db, email))!;
    expect((await mailsOf(t.db, owner.id)).filter((m) => m.event === 'sign_up_existing_address')).toHaveLength(3);
    expect((await auditOf(t.db, owner.id, 'sign_up.existing_address')).map((a) => (a.data as { mailed: boolean }).mailed)).toEqual([true, true, true, false, false]);
  });
});
