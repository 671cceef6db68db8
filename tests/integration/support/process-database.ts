import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openPglite, setDatabase, type Db } from '@/db/client';
import { createTestDatabase, migratedPgliteDump, testDatabaseKind } from './test-db';

/**
 * A test database that another process (a script, a product process) can open too:
 * the run's PostgreSQL, or a migrated PGlite copy in a folder of its own. PGlite allows
 * one process per folder, so the test `release()`s it while the other process runs and
 * `reopen()`s it afterwards (both do nothing on PostgreSQL). `env` is what the other
 * process needs to find it. Also installed as the app's database (route handlers).
 */
export interface ProcessDatabase {
  db: Db;
  env: Record<string, string | undefined>;
  release(): Promise<void>;
  reopen(): Promise<Db>;
  dispose(): Promise<void>;
}

export async function processDatabase(prefix: string): Promise<ProcessDatabase> {
  if (testDatabaseKind() === 'postgres') {
    const t = await createTestDatabase();
    setDatabase({ db: t.db, kind: t.kind, close: t.close });
    return { db: t.db, env: { DATABASE_URL: t.url }, release: async () => {}, reopen: async () => t.db, dispose: t.close };
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  let current = await openPglite(dir, { loadDataDir: await migratedPgliteDump() });
  let open = true;
  const handle: ProcessDatabase = {
    db: current.db,
    env: { DATABASE_URL: undefined, PGLITE_DIR: dir },
    release: async () => {
      if (open) await current.close();
      open = false;
    },
    reopen: async () => {
      current = await openPglite(dir);
      open = true;
      handle.db = current.db;
      setDatabase({ db: current.db, kind: 'pglite', close: () => current.close() });
      return current.db;
    },
    dispose: async () => {
      await handle.release().catch(() => undefined);
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
  setDatabase({ db: current.db, kind: 'pglite', close: () => current.close() });
  return handle;
}

const root = path.resolve(import.meta.dirname, '../../..');

/** `npm run audit:verify` as an operator runs it, on `handle`'s database (PGlite's folder is closed meanwhile). */
export async function runAuditVerify(handle: ProcessDatabase): Promise<{ code: number | null; out: string }> {
  await handle.release();
  try {
    const env = { ...process.env, ...handle.env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
    return await new Promise((resolve, reject) => {
      const child = spawn('npm', ['run', '--silent', 'audit:verify'], { cwd: root, env });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, out }));
    });
  } finally {
    await handle.reopen();
  }
}
