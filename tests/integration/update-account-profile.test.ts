import { sql, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { accounts, auditLog } from '@/db/schema';
import { profileSchema } from '@/lib/schemas/account';
import { getAccountOverview } from '@/lib/features/overview/get-account-overview';
import { registerAccount } from '@/lib/features/account/register-account';
import { updateAccountProfile } from '@/lib/features/account/update-account-profile';
import { expectAppError } from './support/expect-error';
import { createTestDatabase, ctx, type TestDatabase } from './support/test-db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

/** What the 账号信息 form sends, through the schema its server action uses. */
function profileForm(values: { nickname: string; contactPhone?: string; industry?: string }) {
  return profileSchema.parse(values);
}

async function newAccount(email: string) {
  return registerAccount(ctx(t.db), { email, password: 'correct-horse-9', emailConfirmed: true });
}

describe('editing 账号信息 (updateAccountProfile)', () => {
  it('stores 联系手机 encrypted: no clear digits in the row or anywhere in the accounts table', async () => {
    const { id } = await newAccount('phone@example.com');

    await updateAccountProfile(ctx(t.db), id, profileForm({ nickname: '王小明', contactPhone: '138 1234 5678', industry: '金融' }));

    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, id));
    expect(row?.contactPhoneEnc).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toMatch(/13812345678|12345678/);
    const table = rowsOf<{ row: string }>(await t.db.execute(sql`select accounts::text as row from accounts`));
    expect(table.length).toBeGreaterThan(0);
    for (const { row: text } of table) expect(text).not.toMatch(/13812345678|12345678/);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.accountId, id));
    expect(JSON.stringify(audit)).not.toMatch(/13812345678|12345678/);
  });

  it('shows 联系手机 masked as 138****5678 on the overview', async () => {
    const { id } = await newAccount('masked@example.com');
    await updateAccountProfile(ctx(t.db), id, profileForm({ nickname: 'masked', contactPhone: '+86 13812345678' }));

    const overview = await getAccountOverview(ctx(t.db), id);

    expect(overview.contactPhoneMasked).toBe('138****5678');
    expect(JSON.stringify(overview)).not.toContain('12345678');
  });

  it('keeps the phone on file when the form leaves 联系手机 empty', async () => {
    const { id } = await newAccount('keep@example.com');
    await updateAccountProfile(ctx(t.db), id, profileForm({ nickname: 'keep', contactPhone: '13912345678' }));
    const [before] = await t.db.select().from(accounts).where(eq(accounts.id, id));

    await updateAccountProfile(ctx(t.db), id, profileForm({ nickname: 'keep again', contactPhone: '' }));

    const [after] = await t.db.select().from(accounts).where(eq(accounts.id, id));
    expect(after?.contactPhoneEnc).toBe(before?.contactPhoneEnc);
    expect((await getAccountOverview(ctx(t.db), id)).contactPhoneMasked).toBe('139****5678');
  });

  it('saves 账号昵称 and 所属行业', async () => {
    const { id } = await newAccount('named@example.com');
    expect((await getAccountOverview(ctx(t.db), id)).nickname).toBe('named');

    await updateAccountProfile(ctx(t.db, '2025-06-04T01:00:00.000Z'), id, profileForm({ nickname: '  云上 小店 ', industry: '电子商务' }));

    const overview = await getAccountOverview(ctx(t.db), id);
    expect(overview).toMatchObject({ nickname: '云上 小店', industry: '电子商务', contactPhoneMasked: null, status: 'unverified' });
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, id));
    expect(row?.updatedAt.toISOString()).toBe('2025-06-04T01:00:00.000Z');
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'account.profile_updated')).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(audit).toMatchObject({ accountId: id, data: { changed: ['nickname', 'industry'] } });
  });

  it('refuses to edit an account that does not exist (NOT_FOUND)', async () => {
    await expectAppError(
      updateAccountProfile(ctx(t.db), '00000000-0000-4000-8000-000000000000', profileForm({ nickname: 'ghost' })),
      'NOT_FOUND',
    );
  });
});
