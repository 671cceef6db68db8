import { sql } from 'drizzle-orm';
import type { Db } from '../client';

/** The PostgreSQL channel on which every instance announces which accounts' verifications moved. */
const CHANNEL = 'realname_status';

interface PostgresClient {
  listen(channel: string, fn: (payload: string) => void): Promise<{ unlisten(): Promise<void> }>;
}

/** postgres.js (not PGlite: one process per folder, so an in-process signal reaches every waiter). */
function postgresClient(db: Db): PostgresClient | null {
  const client = (db as unknown as { $client?: { listen?: unknown; unsafe?: unknown } }).$client;
  return client && typeof client.listen === 'function' && typeof client.unsafe === 'function' ? (client as unknown as PostgresClient) : null;
}

/** Whether announcements reach other processes (PostgreSQL's LISTEN/NOTIFY). */
export function crossesProcesses(db: Db): boolean {
  return postgresClient(db) !== null;
}

/**
 * Tells the other instances (NOTIFY, delivered on commit) that these accounts' verifications
 * moved. `from` names the sending process so that it can ignore its own. Ids only: a
 * notification is no place for personal data.
 */
export async function notifyStatusChanges(db: Db, from: string, accountIds: string[]): Promise<void> {
  if (accountIds.length === 0 || !postgresClient(db)) return;
  await db.execute(sql`select pg_notify(${CHANNEL}, ${`${from} ${accountIds.join(',')}`})`);
}

/**
 * Listens on a connection of its own (postgres.js re-listens after a reconnect) and hands
 * on the account ids other processes announce. Resolves false where there is nothing to
 * listen to (PGlite).
 */
export async function listenStatusChanges(db: Db, from: string, onAccounts: (accountIds: string[]) => void): Promise<boolean> {
  const client = postgresClient(db);
  if (!client) return false;
  await client.listen(CHANNEL, (payload) => {
    const [sender, ids] = payload.split(' ');
    if (sender !== from && ids) onAccounts(ids.split(','));
  });
  return true;
}
