import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite, openPostgres } from '@/db/client';
import { findAccountByEmail } from '@/db/queries/accounts';
import { registerAccount } from '@/lib/features/account/register-account';
import { signIn } from '@/lib/features/account/sign-in';
import { createTestDatabase, ctx, migratedPgliteDump, testDatabaseKind } from './support/test-db';

const PASSWORD = 'correct-horse-9';

describe('data survives a restart', () => {
  it('keeps a registered account after the database is closed and opened again', async () => {
    if (testDatabaseKind() === 'pglite') {
      const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'realname-persist-'));
      // A folder that does not exist yet: openPglite creates it.
      const dir = path.join(parent, 'data', 'pglite');
      try {
        const first = await openPglite(dir, { loadDataDir: await migratedPgliteDump() });
        const created = await registerAccount(ctx(first.db), { email: 'durable@example.com', password: PASSWORD, emailConfirmed: true });
        await first.close();

        const second = await openPglite(dir);
        try {
          expect(await findAccountByEmail(second.db, 'durable@example.com')).toMatchObject({ id: created.id, accountNumber: created.accountNumber });
          await expect(signIn(ctx(second.db), { email: 'durable@example.com', password: PASSWORD, address: '192.0.2.1' })).resolves.toMatchObject({
            accountId: created.id,
          });
        } finally {
          await second.close();
        }
      } finally {
        await fs.rm(parent, { recursive: true, force: true });
      }
    } else {
      const database = await createTestDatabase();
      try {
        const created = await registerAccount(ctx(database.db), { email: 'durable@example.com', password: PASSWORD, emailConfirmed: true });
        // A new client, as after an app restart (the database itself is dropped only by close()).
        const again = await openPostgres(database.url!, { max: 1 });
        try {
          expect(await findAccountByEmail(again.db, 'durable@example.com')).toMatchObject({ id: created.id, accountNumber: created.accountNumber });
          await expect(signIn(ctx(again.db), { email: 'durable@example.com', password: PASSWORD, address: '192.0.2.1' })).resolves.toMatchObject({
            accountId: created.id,
          });
        } finally {
          await again.close();
        }
      } finally {
        await database.close();
      }
    }
  }, 60_000);
});
