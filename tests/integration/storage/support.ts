import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { expect, vi } from 'vitest';
import { setDatabase, type Db } from '@/db/client';
import { auditLog, uploads } from '@/db/schema';
import { resetEnvCache } from '@/lib/env';
import { APP_ORIGIN } from '../support/requests';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

/** A test database that is also the application's (route handlers read it), and a private upload folder of its own. */
export async function storageTestSetup(): Promise<TestDatabase & { uploadDir: string }> {
  const t = await createTestDatabase();
  setDatabase({ db: t.db, kind: t.kind, close: t.close });
  const base = await fs.mkdtemp(path.join(os.tmpdir(), 'uploads-test-'));
  const uploadDir = path.join(base, 'uploads');
  vi.stubEnv('UPLOAD_DIR', uploadDir);
  vi.stubEnv('UPLOADTHING_TOKEN', '');
  resetEnvCache();
  return {
    ...t,
    uploadDir,
    close: async () => {
      await t.close();
      await fs.rm(base, { recursive: true, force: true });
      vi.unstubAllEnvs();
      resetEnvCache();
    },
  };
}

/** Files in the upload folder (none when the folder was never created). */
export async function storedFiles(uploadDir: string): Promise<string[]> {
  try {
    return await fs.readdir(uploadDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Nothing of `accountId`'s was kept: no row, no `upload.stored` audit entry, no file at all in the folder. */
export async function expectNothingStored(db: Db, uploadDir: string, accountId: string) {
  expect(await db.select().from(uploads).where(eq(uploads.accountId, accountId))).toEqual([]);
  const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'upload.stored'));
  expect(audits.filter((a) => a.accountId === accountId)).toEqual([]);
  expect(await storedFiles(uploadDir)).toEqual([]);
}

/** A multipart POST to /api/uploads from the app's own page (unless `headers` say otherwise). */
export function uploadRequest(
  options: {
    file?: { bytes: Uint8Array; name: string; type?: string };
    purpose?: string;
    cookie?: string;
    headers?: Record<string, string | null>;
    /** Other form fields. */
    fields?: Record<string, string>;
  },
): Request {
  const form = new FormData();
  if (options.purpose !== undefined) form.set('purpose', options.purpose);
  for (const [name, value] of Object.entries(options.fields ?? {})) form.set(name, value);
  if (options.file) form.set('file', new File([new Uint8Array(options.file.bytes)], options.file.name, { type: options.file.type ?? 'image/png' }));
  const headers = new Headers({ origin: APP_ORIGIN, 'sec-fetch-site': 'same-origin', host: 'localhost:3000' });
  if (options.cookie) headers.set('cookie', options.cookie);
  for (const [k, v] of Object.entries(options.headers ?? {})) {
    if (v === null) headers.delete(k);
    else headers.set(k, v);
  }
  return new Request(`${APP_ORIGIN}/api/uploads`, { method: 'POST', headers, body: form });
}

export function getRequest(id: string, cookie?: string, headers: Record<string, string> = {}): Request {
  return new Request(`${APP_ORIGIN}/api/uploads/${encodeURIComponent(id)}`, { headers: { ...(cookie ? { cookie } : {}), ...headers } });
}
