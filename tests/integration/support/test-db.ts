import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Db } from '@/db/client';
import { fixedClock } from '@/lib/clock';
import type { ServiceContext } from '@/lib/features/context';
import { urlWithDatabase } from './database-source';

export interface TestDatabase {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** PostgreSQL only: the connection string of this database (to connect a second client). */
  url?: string;
  /** Closes the connection; on PostgreSQL also drops the database. */
  close(): Promise<void>;
}

let dump: Promise<Blob> | undefined;

/** Which engine this run tests against: PostgreSQL when DATABASE_URL is set, PGlite otherwise. */
export function testDatabaseKind(): TestDatabase['kind'] {
  return inject('testDatabaseSource').kind;
}

/** The migrated PGlite data directory made once by the global setup (read once per test file). */
export function migratedPgliteDump(): Promise<Blob> {
  const source = inject('testDatabaseSource');
  if (source.kind !== 'pglite') throw new Error('No PGlite dump: this run uses PostgreSQL');
  dump ??= fs.readFile(source.dumpPath).then((bytes) => new Blob([bytes]));
  return dump;
}

/**
 * A fresh, migrated database of its own: an in-memory PGlite loaded from the dump,
 * or a PostgreSQL database copied from the template (when DATABASE_URL is set).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const source = inject('testDatabaseSource');
  if (source.kind === 'pglite') {
    // openPglite runs migrate() again: a no-op, every migration is already recorded in the dump.
    return openPglite('memory://', { loadDataDir: await migratedPgliteDump() });
  }
  const { default: postgres } = await import('postgres');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const sql = postgres(source.adminUrl, { max: 1, onnotice: () => {} });
    try {
      await sql.unsafe(statement);
    } finally {
      await sql.end();
    }
  };
  await admin(`CREATE DATABASE "${name}" TEMPLATE "${source.template}"`);
  const url = urlWithDatabase(source.adminUrl, name);
  try {
    const handle = await openPostgres(url);
    return {
      db: handle.db,
      kind: 'postgres',
      url,
      close: async () => {
        await handle.close();
        await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  } catch (error) {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    throw error;
  }
}

/** The moment every test starts at unless it says otherwise (a Monday, 10:00 in Beijing). */
export const TEST_NOW = '2025-06-02T02:00:00.000Z';

/** A ServiceContext on `db` with a stopped clock the test can move. */
export function ctx(db: Db, at: Date | string = TEST_NOW): ServiceContext & { clock: ReturnType<typeof fixedClock> } {
  return { db, clock: fixedClock(at) };
}
