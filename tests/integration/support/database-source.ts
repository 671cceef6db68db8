import path from 'node:path';

/** What the global setup hands to every integration test file (through vitest's provide/inject). */
export type TestDatabaseSource =
  | { kind: 'pglite'; /** Tar dump of a migrated PGlite data directory. */ dumpPath: string }
  | { kind: 'postgres'; /** Connection string with rights to create databases. */ adminUrl: string; template: string };

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseSource: TestDatabaseSource;
  }
}

export const migrationsFolder = path.resolve(import.meta.dirname, '../../../drizzle');

/**
 * The PostgreSQL server to test against, if any: DATABASE_URL, as for the app
 * (TEST_POSTGRES_URL is accepted too, as .ci/run passes it). Unset: PGlite.
 */
export function postgresTestUrl(): string | undefined {
  return process.env.DATABASE_URL || process.env.TEST_POSTGRES_URL || undefined;
}

/** The same server and credentials, another database. */
export function urlWithDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
