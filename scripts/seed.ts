/**
 * Seeds the demo world: one ordinary account and the two staff roles. Idempotent:
 * accounts that exist are left as they are. Run while the app is stopped (PGlite).
 */
import './load-env';
import { getDatabase } from '@/db/client';
import type { Role } from '@/db/schema';
import { databaseClock } from '@/lib/clock';
import { isAppError } from '@/lib/errors';
import { registerAccount } from '@/lib/services/register-account';

export const DEMO_ACCOUNTS: { email: string; password: string; role: Role }[] = [
  { email: 'demo@example.com', password: 'Demo2026pass', role: 'user' },
  { email: 'reviewer@example.com', password: 'Review2026pass', role: 'reviewer' },
  { email: 'manager@example.com', password: 'Manage2026pass', role: 'account_manager' },
];

async function main() {
  const handle = await getDatabase();
  const ctx = { db: handle.db, clock: databaseClock(handle.db) };
  try {
    for (const a of DEMO_ACCOUNTS) {
      try {
        await registerAccount(ctx, a);
        console.log(`created ${a.role.padEnd(15)} ${a.email}  password ${a.password}`);
      } catch (e) {
        if (!isAppError(e) || e.code !== 'EMAIL_TAKEN') throw e;
        console.log(`exists  ${a.role.padEnd(15)} ${a.email}  password ${a.password}`);
      }
    }
  } finally {
    await handle.close();
  }
}

void main();
