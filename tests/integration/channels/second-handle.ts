import { openPostgres, type Db } from '@/db/client';
import type { TestDatabase } from '../support/test-db';

/**
 * A second connection pool on the same database (PostgreSQL), so that two workers
 * really run side by side; on PGlite (one connection) the same handle is reused.
 */
export async function openDatabaseSecondHandle(t: Pick<TestDatabase, 'db' | 'kind' | 'url'>): Promise<{ db: Db; close(): Promise<void> }> {
  if (t.kind !== 'postgres' || !t.url) return { db: t.db, close: async () => {} };
  const handle = await openPostgres(t.url, { max: 4 });
  return { db: handle.db, close: handle.close };
}
