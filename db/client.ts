import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { env } from '@/lib/env';
import * as schema from './schema';

export type Schema = typeof schema;
/** Both the PGlite and the postgres.js drizzle instances fit this type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), 'drizzle');
// Any constant works; it only has to be the same for every instance of the app.
const MIGRATION_LOCK_KEY = 727_001;

/** Opens the embedded database in `dir` (created when missing) and applies the migrations. */
export async function openPglite(dir: string, options: { loadDataDir?: Blob } = {}): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (dir !== 'memory://') fs.mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir, { loadDataDir: options.loadDataDir });
  const db = drizzle(client, { schema }) as unknown as Db;
  await migrate(db as never, { migrationsFolder });
  return { db, kind: 'pglite', close: () => client.close() };
}

/** Connects to PostgreSQL and applies the migrations under an advisory lock (many app instances may start at once). */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<DatabaseHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate(drizzle(migrator), { migrationsFolder });
    await migrator`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await migrator.end();
  }
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, kind: 'postgres', close: () => client.end() };
}

const holder = globalThis as unknown as { __database?: Promise<DatabaseHandle> };

/** The application's one database: PostgreSQL when DATABASE_URL is set, the embedded PGlite otherwise. */
export function getDatabase(): Promise<DatabaseHandle> {
  // Kept on globalThis: dev hot reload must not open a second PGlite on the same folder.
  holder.__database ??= (async () => {
    const e = env();
    return e.DATABASE_URL ? openPostgres(e.DATABASE_URL) : openPglite(path.resolve(e.PGLITE_DIR));
  })().catch((error: unknown) => {
    holder.__database = undefined;
    throw error;
  });
  return holder.__database;
}

/** Makes `handle` the application's database (tests that call route handlers directly). */
export function setDatabase(handle: DatabaseHandle): void {
  holder.__database = Promise.resolve(handle);
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** `db.execute()` answers `{ rows }` on PGlite and an array on postgres.js. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
