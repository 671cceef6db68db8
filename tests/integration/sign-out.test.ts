import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLiveSession } from '@/db/queries/accounts';
import { auditLog, userSessions } from '@/db/schema';
import { registerAccount } from '@/lib/features/account/register-account';
import { signIn } from '@/lib/features/account/sign-in';
import { signOut } from '@/lib/features/account/sign-out';
import { createTestDatabase, ctx, type TestDatabase } from './support/test-db';

const PASSWORD = 'correct-horse-9';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe('signing out (signOut)', () => {
  it('revokes the session, so that its cookie opens nothing any more', async () => {
    await registerAccount(ctx(t.db), { email: 'leaving@example.com', password: PASSWORD, emailConfirmed: true });
    const session = await signIn(ctx(t.db), { email: 'leaving@example.com', password: PASSWORD, address: '198.51.100.1' });
    expect(await findLiveSession(t.db, session.sessionId)).toBeDefined();

    await signOut(ctx(t.db), session);

    expect(await findLiveSession(t.db, session.sessionId)).toBeUndefined();
    const [row] = await t.db.select().from(userSessions).where(eq(userSessions.id, session.sessionId));
    expect(row?.revokedAt).toBeInstanceOf(Date);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'sign_out'));
    expect(audit).toEqual([expect.objectContaining({ accountId: session.accountId, target: `session:${session.sessionId}` })]);
  });

  it('leaves the same account’s other sessions open', async () => {
    await registerAccount(ctx(t.db), { email: 'two-devices@example.com', password: PASSWORD, emailConfirmed: true });
    const laptop = await signIn(ctx(t.db), { email: 'two-devices@example.com', password: PASSWORD, address: '198.51.100.2' });
    const phone = await signIn(ctx(t.db), { email: 'two-devices@example.com', password: PASSWORD, address: '198.51.100.3' });

    await signOut(ctx(t.db), laptop);

    expect(await findLiveSession(t.db, laptop.sessionId)).toBeUndefined();
    expect((await findLiveSession(t.db, phone.sessionId))?.account.id).toBe(phone.accountId);
  });
});
