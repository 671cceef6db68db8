import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLiveSession } from '@/db/queries/accounts';
import { changePassword } from '@/lib/features/account/change-password';
import { registerAccount } from '@/lib/features/account/register-account';
import { signIn } from '@/lib/features/account/sign-in';
import { expectAppError } from '../support/expect-error';
import { uniqueEmail } from '../support/factories';
import { createTestDatabase, ctx, type TestDatabase } from '../support/test-db';
import { auditOf, mailsOf, NEW_PASSWORD, PASSWORD } from './support';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

let addressSeq = 0;
const freshAddress = () => `198.51.100.${++addressSeq}`;

async function twoDevices(prefix: string) {
  const email = uniqueEmail(prefix);
  await registerAccount(ctx(t.db), { email, password: PASSWORD, emailConfirmed: true });
  const here = await signIn(ctx(t.db), { email, password: PASSWORD, address: freshAddress() });
  const elsewhere = await signIn(ctx(t.db), { email, password: PASSWORD, address: freshAddress() });
  return { email, here, elsewhere };
}

describe('修改密码 (changePassword)', () => {
  it('needs the current password, keeps this session and ends the others', async () => {
    const { email, here, elsewhere } = await twoDevices('change');

    const result = await changePassword(ctx(t.db), { accountId: here.accountId, sessionId: here.sessionId, currentPassword: PASSWORD, newPassword: NEW_PASSWORD });

    expect(result).toEqual({ sessionsRevoked: 1 });
    expect(await findLiveSession(t.db, here.sessionId)).toBeDefined();
    expect(await findLiveSession(t.db, elsewhere.sessionId)).toBeUndefined();
    await expectAppError(signIn(ctx(t.db), { email, password: PASSWORD, address: freshAddress() }), 'INVALID_CREDENTIALS');
    await expect(signIn(ctx(t.db), { email, password: NEW_PASSWORD, address: freshAddress() })).resolves.toBeDefined();
    const [audit] = await auditOf(t.db, here.accountId, 'password.changed');
    expect(audit).toMatchObject({ target: `session:${here.sessionId}`, data: { sessionsRevoked: 1 } });
    expect((await mailsOf(t.db, here.accountId)).at(-1)).toMatchObject({ event: 'password_changed', subject: '您的密码已修改' });
  });

  it('refuses a wrong current password beside its field, changing nothing', async () => {
    const { email, here, elsewhere } = await twoDevices('wrong');

    const error = await expectAppError(
      changePassword(ctx(t.db), { accountId: here.accountId, sessionId: here.sessionId, currentPassword: 'not-it-0', newPassword: NEW_PASSWORD }),
      'WRONG_CURRENT_PASSWORD',
    );

    expect(error.code).toBe('WRONG_CURRENT_PASSWORD');
    expect(await findLiveSession(t.db, elsewhere.sessionId)).toBeDefined();
    await expect(signIn(ctx(t.db), { email, password: PASSWORD, address: freshAddress() })).resolves.toBeDefined();
    expect(await auditOf(t.db, here.accountId, 'password.change_failed')).toHaveLength(1);
  });

  it('locks after 10 wrong current passwords, like sign-in: the 11th try fails even when right', async () => {
    const { here } = await twoDevices('guess');
    const input = { accountId: here.accountId, sessionId: here.sessionId, newPassword: NEW_PASSWORD };
    for (let i = 0; i < 10; i++) await expectAppError(changePassword(ctx(t.db), { ...input, currentPassword: `guess-${i}` }), 'WRONG_CURRENT_PASSWORD');

    await expectAppError(changePassword(ctx(t.db), { ...input, currentPassword: PASSWORD }), 'PASSWORD_CHANGE_LOCKED');
  });

  it('refuses the current password as the new one', async () => {
    const { here } = await twoDevices('same');
    await expectAppError(changePassword(ctx(t.db), { accountId: here.accountId, sessionId: here.sessionId, currentPassword: PASSWORD, newPassword: PASSWORD }), 'PASSWORD_UNCHANGED');
  });
});
