import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrationsFolder, postgresTestUrl, type TestDatabaseSource, urlWithDatabase } from './database-source';

type Source = { provided: TestDatabaseSource; teardown: () => Promise<void> };

/**
 * Shared by the integration projects of one run (they set up in the same process): the
 * database is migrated once, and removed when the last project is done with it.
 */
const run = globalThis as typeof globalThis & { __testDatabaseSource?: { source: Promise<Source>; users: number } };

/**
 * Migrates one database for the whole run, so that each test file only copies it:
 * - PGlite: a migrated data directory dumped to a tar file, loaded by each file
 *   (≈ 0.5 s instead of ≈ 3–4 s for a fresh PGlite plus migrations);
 * - PostgreSQL (DATABASE_URL set): a migrated template database, cloned by each file
 *   with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  const adminUrl = postgresTestUrl();
  const shared = (run.__testDatabaseSource ??= { source: adminUrl ? createPostgresTemplate(adminUrl) : createPgliteDump(), users: 0 });
  shared.users += 1;
  const source = await shared.source;
  project.provide('testDatabaseSource', source.provided);
  return async () => {
    if (--shared.users > 0) return;
    delete run.__testDatabaseSource;
    await source.teardown();
  };
}

async function createPgliteDump(): Promise<Source> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  // 1 MB WAL segments instead of 16 MB: a smaller dump that each file loads ≈ 20 % faster.
  const client = await PGlite.create({ initDbStartParams: ['--wal-segsize=1'] });
  try {
    await migrate(drizzle(client), { migrationsFolder });
    // Uncompressed: loading skips a gunzip per test file.
    const dump = await client.dumpDataDir('none');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'realname-test-pglite-'));
    const dumpPath = path.join(dir, 'migrated.tar');
    await fs.writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
    return {
      provided: { kind: 'pglite', dumpPath },
      teardown: () => fs.rm(dir, { recursive: true, force: true }),
    };
  } finally {
    await client.close();
  }
}

async function createPostgresTemplate(adminUrl: string): Promise<Source> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const template = `test_template_${randomBytes(5).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  // No connection may stay open on a template while it is being copied.
  const migrator = postgres(urlWithDatabase(adminUrl, template), { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(migrator), { migrationsFolder });
  } finally {
    await migrator.end();
  }
  return {
    provided: { kind: 'postgres', adminUrl, template },
    teardown: async () => {
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
