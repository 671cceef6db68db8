/**
 * The accounts the browser journeys start from (scripts/e2e-server.mjs runs this after the
 * seed, before the server opens the database):
 * - per project, a reviewer who has not enrolled 两步验证 yet, made as staff are (the
 *   CLI's use case): tests/e2e/two-factor.spec.ts enrols them;
 * - a pool of confirmed user accounts, one file each in `--pool` (tests/e2e/account-pool.ts
 *   claims one per journey). Signing up through the pages is what the account journeys
 *   test; every other journey starts signed in to an account of its own, without spending
 *   a sign-up, a mail and a confirmation on it.
 */
import './load-env';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getDatabase } from '@/db/client';
import { databaseClock } from '@/lib/clock';
import { createStaffAccount, registerAccount } from '@/lib/features/account';

const { values } = parseArgs({ options: { pool: { type: 'string' }, size: { type: 'string' }, password: { type: 'string' } } });
const poolDir = values.pool!;
const size = Number(values.size);
const password = values.password!;

async function main() {
  const handle = await getDatabase();
  const ctx = { db: handle.db, clock: databaseClock(handle.db) };
  try {
    for (const project of ['js', 'nojs']) {
      await createStaffAccount(ctx, { email: `enrol-${project}@e2e.example.com`, role: 'reviewer', password });
    }
    fs.rmSync(poolDir, { recursive: true, force: true });
    fs.mkdirSync(poolDir, { recursive: true });
    const numbers = Array.from({ length: size }, (_, i) => String(i + 1).padStart(3, '0'));
    // A few at a time: argon2 hashes on libuv's threads.
    for (let i = 0; i < numbers.length; i += 4) {
      await Promise.all(
        numbers.slice(i, i + 4).map(async (n) => {
          const email = `pool-${n}@e2e.example.com`;
          await registerAccount(ctx, { email, password, emailConfirmed: true });
          fs.writeFileSync(path.join(poolDir, n), email);
        }),
      );
    }
    console.log(`[e2e-accounts] 2 unenrolled reviewers, ${size} pooled accounts in ${poolDir}`);
  } finally {
    await handle.close();
  }
}

void main();
