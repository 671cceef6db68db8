import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { encode, decode } from 'next-auth/jwt';
import type { Session } from 'next-auth';
import { expect, vi } from 'vitest';
import { setDatabase, type Db } from '@/db/client';
import { auditLog, uploads, type Role } from '@/db/schema';
import { sessionCookieName, SESSION_ABSOLUTE_SECONDS } from '@/lib/auth/options';
import { env, resetEnvCache } from '@/lib/env';
import { registerAccount } from '@/lib/features/account/register-account';
import { signIn } from '@/lib/features/account/sign-in';
import { createTestDatabase, ctx, type TestDatabase } from '../support/test-db';
import { enrolTwoFactor } from '../support/two-factor';

export const APP_ORIGIN = 'http://localhost:3000';
const PASSWORD = 'upload-tests-pass-9';

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

// ---- sessions for route handlers ----

/*
 * Route handlers read the session through next-auth's getServerSession, which reads
 * the cookie through next/headers — only available inside a Next.js request. Test
 * files replace getServerSession (vi.mock('next-auth', …)) with `currentSession`,
 * which decodes the session cookie of the request being handled with the real
 * secret. Everything after that — the session row, its revocation and timeouts,
 * the role — is the product's own code (lib/auth/session.ts getCurrentUser).
 */
let handledCookies: string | null = null;

export async function currentSession(): Promise<Session | null> {
  const cookie = (handledCookies ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${sessionCookieName()}=`));
  if (!cookie) return null;
  // As next-auth does: a token that does not decrypt is no session.
  const token = await decode({ token: cookie.slice(sessionCookieName().length + 1), secret: env().NEXTAUTH_SECRET }).catch(() => null);
  if (!token?.sid || !token.sub) return null;
  return { sid: token.sid, accountId: token.sub, role: token.role, expires: new Date(Date.now() + 3_600_000).toISOString() };
}

/** Calls a route handler as Next.js would for `req` (its cookies become the session). */
export async function handle<A extends unknown[]>(handler: (req: Request, ...rest: A) => Promise<Response>, req: Request, ...rest: A): Promise<Response> {
  handledCookies = req.headers.get('cookie');
  try {
    return await handler(req, ...rest);
  } finally {
    handledCookies = null;
  }
}

export interface TestUser {
  accountId: string;
  sessionId: string;
  role: Role;
  /** The Cookie header of a browser signed in as this user. */
  cookie: string;
}

/** Registers an account with `role` (staff: with 两步验证), signs it in through the product's sign-in and answers its session cookie. */
export async function signedInUser(db: Db, email: string, role: Role = 'user'): Promise<TestUser> {
  await registerAccount(ctx(db), { email, password: PASSWORD, role, emailConfirmed: true });
  const session = await signIn(ctx(db), { email, password: PASSWORD, address: '198.51.100.7' });
  // Staff act as staff only with 两步验证 (ADR 0024); enrolled after sign-in, this session is not pending.
  if (role !== 'user') await enrolTwoFactor(db, session.accountId);
  const token = await encode({
    token: { sub: session.accountId, sid: session.sessionId, role: session.role },
    secret: env().NEXTAUTH_SECRET,
    maxAge: SESSION_ABSOLUTE_SECONDS,
  });
  return { ...session, cookie: `${sessionCookieName()}=${token}` };
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
