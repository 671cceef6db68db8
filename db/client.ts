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

export interface PostgresOptions {
  /** Connections in the pool (default DATABASE_POOL_MAX). */
  max?: number;
  /** statement_timeout of every connection, in ms (default DATABASE_STATEMENT_TIMEOUT_MS). */
  statementTimeoutMs?: number;
  /** Seconds to wait for a new connection (default DATABASE_CONNECT_TIMEOUT_S). */
  connectTimeoutS?: number;
}

// A connection idle this long is closed: a quiet process gives its server slots back.
const IDLE_TIMEOUT_S = 60;
// On close, queries still running get this long before their connections are cut.
const CLOSE_TIMEOUT_S = 5;

/** Connects to PostgreSQL and applies the migrations under an advisory lock (many app instances may start at once). */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<DatabaseHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const e = env();
  const connectTimeout = options.connectTimeoutS ?? e.DATABASE_CONNECT_TIMEOUT_S;
  // No statement timeout here: a migration may be long.
  const migrator = postgres(url, { max: 1, connect_timeout: connectTimeout, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate(drizzle(migrator), { migrationsFolder });
    await migrator`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await migrator.end();
  }
  const client = postgres(url, {
    max: options.max ?? e.DATABASE_POOL_MAX,
    connect_timeout: connectTimeout,
    idle_timeout: IDLE_TIMEOUT_S,
    connection: { statement_timeout: options.statementTimeoutMs ?? e.DATABASE_STATEMENT_TIMEOUT_MS },
    onnotice: () => {},
  });
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, kind: 'postgres', close: () => client.end({ timeout: CLOSE_TIMEOUT_S }) };
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

/** Closes the application's database if it was opened (graceful shutdown: after the last job and request). */
export async function closeDatabase(): Promise<void> {
  const opening = holder.__database;
  if (!opening) return;
  holder.__database = undefined;
  const handle = await opening.catch(() => undefined);
  await handle?.close();
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
