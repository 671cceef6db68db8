/**
 * Seeds the demo world: one ordinary account and the two staff roles, and — when the
 * simulators are enabled — the simulated providers' people, enterprises, Official
 * Accounts and bank accounts (lib/simulators/README.md). Idempotent. Run while the app
 * is stopped (PGlite has no file locking).
 */
import './load-env';
import { getDatabase } from '@/db/client';
import type { Role } from '@/db/schema';
import { databaseClock } from '@/lib/clock';
import { env } from '@/lib/env';
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
    if (env().SIMULATORS_ENABLED) {
      // The simulated world is a separate party; the demo set-up is the one place that seeds both.
      const { seedSimulatedWorld } = await import('@/lib/simulators/seed-world');
      const { added } = await seedSimulatedWorld(handle.db);
      console.log(`simulated world: ${added} new records (see lib/simulators/README.md)`);
    }
  } finally {
    await handle.close();
  }
}

void main();
