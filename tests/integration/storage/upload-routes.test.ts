import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/uploads/[id]/route';
import { POST } from '@/app/api/uploads/route';
import { auditLog, uploads } from '@/db/schema';
import { describeError, errorTable, type ErrorCode } from '@/lib/errors';
import { MAX_UPLOAD_BYTES } from '@/lib/schemas/upload';
import { createLimiter } from '@/lib/security/rate-limit';
import { signOut } from '@/lib/features/account/sign-out';
import { UPLOADS_PER_ACCOUNT } from '@/lib/features/uploads/store-upload';
import { EXIF_MAKE, HTML_BYTES, jpegWithExif, pdfBytes, pngDeclaring, smallPng, SVG_BYTES } from '@/lib/storage/test-images';
import { ctx, type TestDatabase } from '../support/test-db';
import { APP_ORIGIN, handle, signedInUser, type TestUser } from '../support/requests';
import { expectNothingStored, getRequest, storageTestSetup, storedFiles, uploadRequest } from './support';

// The session comes from the request's cookie (support/requests.ts); the rest is the product's code.
vi.mock('next-auth', async (original) => (await import('../support/next-mocks')).withTestSession(original));

let t: TestDatabase & { uploadDir: string };
let alice: TestUser;
let bob: TestUser;
let reviewer: TestUser;
beforeAll(async () => {
  t = await storageTestSetup();
  [alice, bob, reviewer] = await Promise.all([
    signedInUser(t.db, 'alice@example.com'),
    signedInUser(t.db, 'bob@example.com'),
    signedInUser(t.db, 'reviewer@example.com', 'reviewer'),
  ]);
});
afterAll(async () => {
  await t?.close();
});

const post = (options: Parameters<typeof uploadRequest>[0]) => handle(POST, uploadRequest(options));
const get = (id: string, cookie?: string, headers?: Record<string, string>) => handle(GET, getRequest(id, cookie, headers), { params: Promise.resolve({ id }) });

interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
}

/** `field` null: an error not tied to a field (origin, session). */
async function expectRefused(res: Response, code: ErrorCode, field: string | null = 'file') {
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(res.status).toBe(errorTable[code].status);
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(body.error.field ?? null).toBe(field);
  return body;
}

async function upload(user: TestUser, bytes: Uint8Array, name = 'photo.jpg', purpose = 'business_licence') {
  const res = await post({ file: { bytes, name }, purpose, cookie: user.cookie });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; contentType: string };
}

describe('POST /api/uploads refuses, and keeps nothing', () => {
  // A fresh account per case, so that "nothing stored" is about that request alone.
  let n = 0;
  const fresh = () => signedInUser(t.db, `refused-${++n}@example.com`);

  it.each([
    ['5 MB + 1 byte', 'UPLOAD_TOO_LARGE', async () => ({ bytes: new Uint8Array(MAX_UPLOAD_BYTES + 1), name: 'big.jpg' })],
    ['HTML renamed .png', 'UPLOAD_TYPE_NOT_ALLOWED', async () => ({ bytes: HTML_BYTES, name: 'licence.png' })],
    ['SVG renamed .png', 'UPLOAD_TYPE_NOT_ALLOWED', async () => ({ bytes: SVG_BYTES, name: 'licence.png' })],
    ['SVG by its name', 'UPLOAD_NAME_INVALID', async () => ({ bytes: SVG_BYTES, name: 'licence.svg' })],
    ['a.jpg.php', 'UPLOAD_NAME_INVALID', async () => ({ bytes: await jpegWithExif(), name: 'a.jpg.php' })],
    ['../../etc/passwd.png', 'UPLOAD_NAME_INVALID', async () => ({ bytes: await smallPng(), name: '../../etc/passwd.png' })],
    ['NUL in the name', 'UPLOAD_NAME_INVALID', async () => ({ bytes: await smallPng(), name: 'photo\u0000.png' })],
    ['an empty file', 'UPLOAD_EMPTY', async () => ({ bytes: new Uint8Array(0), name: 'empty.png' })],
    ['a PDF for a licence', 'UPLOAD_TYPE_NOT_ALLOWED', async () => ({ bytes: await pdfBytes(), name: 'licence.png' })],
  ] as const)('%s → %s', async (_, code, file) => {
    const user = await fresh();
    const res = await post({ file: await file(), purpose: 'business_licence', cookie: user.cookie });
    await expectRefused(res, code);
    await expectNothingStored(t.db, t.uploadDir, user.accountId);
  });

  it('refuses a PNG declaring 30000×30000 before decoding it, fast', async () => {
    const user = await fresh();
    const started = performance.now();
    const res = await post({ file: { bytes: pngDeclaring(30_000, 30_000), name: 'flood.png' }, purpose: 'business_licence', cookie: user.cookie });
    const ms = performance.now() - started;
    await expectRefused(res, 'UPLOAD_DIMENSIONS_TOO_LARGE');
    expect(ms).toBeLessThan(1000);
    await expectNothingStored(t.db, t.uploadDir, user.accountId);
  });

  it('answers with the table’s exact messages', async () => {
    const user = await fresh();
    const body = await expectRefused(await post({ file: { bytes: HTML_BYTES, name: 'x.png' }, purpose: 'business_licence', cookie: user.cookie }), 'UPLOAD_TYPE_NOT_ALLOWED');
    expect(body.error.message).toBe('文件格式不支持，请上传 JPG 或 PNG 格式的图片');
    const tooBig = await expectRefused(
      await post({ file: { bytes: new Uint8Array(MAX_UPLOAD_BYTES + 1), name: 'x.png' }, purpose: 'business_licence', cookie: user.cookie }),
      'UPLOAD_TOO_LARGE',
    );
    expect(tooBig.error.message).toBe('文件大小不能超过 5 MB');
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const user = await fresh();
    let pulled = false;
    const body = new ReadableStream<Uint8Array>({ pull: () => void (pulled = true) }, { highWaterMark: 0 });
    const req = new Request(`${APP_ORIGIN}/api/uploads`, {
      method: 'POST',
      headers: { origin: APP_ORIGIN, 'sec-fetch-site': 'same-origin', cookie: user.cookie, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(6 * 1024 * 1024) },
      body,
      duplex: 'half',
    } as RequestInit);
    await expectRefused(await handle(POST, req), 'UPLOAD_TOO_LARGE');
    expect(pulled).toBe(false);
    await expectNothingStored(t.db, t.uploadDir, user.accountId);
  });

  it('stops reading a body without Content-Length once it passes the limit', async () => {
    const user = await fresh();
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const req = new Request(`${APP_ORIGIN}/api/uploads`, {
      method: 'POST',
      headers: { origin: APP_ORIGIN, 'sec-fetch-site': 'same-origin', cookie: user.cookie, 'content-type': 'multipart/form-data; boundary=x' },
      body,
      duplex: 'half',
    } as RequestInit);
    await expectRefused(await handle(POST, req), 'UPLOAD_TOO_LARGE');
    expect(sent).toBeLessThan(10 * 1024 * 1024); // an endless body is not read to its end
    await expectNothingStored(t.db, t.uploadDir, user.accountId);
  });

  it('refuses an unknown purpose', async () => {
    const user = await fresh();
    await expectRefused(await post({ file: { bytes: await smallPng(), name: 'a.png' }, purpose: 'avatar', cookie: user.cookie }), 'INVALID_INPUT', 'purpose');
    await expectRefused(await post({ file: { bytes: await smallPng(), name: 'a.png' }, cookie: user.cookie }), 'INVALID_INPUT', 'purpose');
    await expectNothingStored(t.db, t.uploadDir, user.accountId);
  });

  it('refuses a foreign Origin, a cross-site fetch and a missing Origin (CSRF), audited, nothing stored', async () => {
    const user = await fresh();
    const file = { bytes: await jpegWithExif(), name: 'photo.jpg' };
    const attempts: Record<string, string | null>[] = [
      { origin: 'https://evil.example' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'cross-site' }, // the right Origin, but the browser says another site sent it
      { 'sec-fetch-site': 'same-site' },
      { origin: null },
      { origin: 'null' },
    ];
    for (const headers of attempts) {
      await expectRefused(await post({ file, purpose: 'business_licence', cookie: user.cookie, headers }), 'BAD_ORIGIN', null);
    }
    await expectNothingStored(t.db, t.uploadDir, user.accountId);
    const refusals = await t.db.select().from(auditLog).where(eq(auditLog.action, 'authorization.refused'));
    expect(refusals.filter((r) => (r.data as { reason?: string }).reason === 'BAD_ORIGIN').length).toBeGreaterThanOrEqual(attempts.length);
  });

  it('refuses without a session, or with a revoked one', async () => {
    const user = await fresh();
    const file = { bytes: await smallPng(), name: 'a.png' };
    const [rowsBefore, filesBefore] = [await t.db.select().from(uploads), await storedFiles(t.uploadDir)];
    await expectRefused(await post({ file, purpose: 'business_licence' }), 'UNAUTHENTICATED', null);
    await expectRefused(await post({ file, purpose: 'business_licence', cookie: 'next-auth.session-token=forged' }), 'UNAUTHENTICATED', null);
    await signOut(ctx(t.db), user);
    await expectRefused(await post({ file, purpose: 'business_licence', cookie: user.cookie }), 'UNAUTHENTICATED', null);
    expect(await t.db.select().from(uploads)).toHaveLength(rowsBefore.length);
    expect(await storedFiles(t.uploadDir)).toHaveLength(filesBefore.length);
  });

  it('answers RATE_LIMITED past 30 uploads in 10 minutes', async () => {
    const user = await fresh();
    const limiter = createLimiter(t.db, UPLOADS_PER_ACCOUNT);
    for (let i = 0; i < UPLOADS_PER_ACCOUNT.points; i++) await limiter.take(user.accountId);
    await expectRefused(await post({ file: { bytes: await smallPng(), name: 'a.png' }, purpose: 'business_licence', cookie: user.cookie }), 'RATE_LIMITED');
    await expectNothingStored(t.db, t.uploadDir, user.accountId);
  });
});

describe('POST /api/uploads stores a clean copy', () => {
  it('takes a JPEG with EXIF GPS: 201, re-encoded upright, no EXIF left, name not kept', async () => {
    const input = await jpegWithExif({ width: 80, height: 40, orientation: 6 });
    const res = await post({ file: { bytes: input, name: '张三的身份证-GPS.jpg', type: 'text/html' }, purpose: 'legal_rep_id_front', cookie: alice.cookie });

    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; contentType: string };
    expect(body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), contentType: 'image/jpeg' });

    const [row] = await t.db.select().from(uploads).where(eq(uploads.id, body.id));
    expect(row).toMatchObject({ accountId: alice.accountId, purpose: 'legal_rep_id_front', store: 'local', width: 40, height: 80 });
    const onDisk = await fs.readFile(path.join(t.uploadDir, row!.storageKey));
    const meta = await sharp(onDisk).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 40, height: 80 });
    expect(meta.exif).toBeUndefined();
    expect(onDisk.toString('latin1')).not.toContain(EXIF_MAKE);

    // The user's file name appears nowhere: not in the row, not in the audit entry, not on disk.
    expect(JSON.stringify(row)).not.toContain('张三');
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'upload.stored'), eq(auditLog.target, `upload:${body.id}`)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain('张三');
    expect((await storedFiles(t.uploadDir)).some((f) => f.includes('张三') || f.includes('.jpg'))).toBe(false);
  });

  it('takes a PDF for a change proof', async () => {
    const res = await post({ file: { bytes: await pdfBytes(), name: '变更申请表.pdf' }, purpose: 'change_proof', cookie: alice.cookie });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { contentType: string }).contentType).toBe('application/pdf');
  });
});

describe('GET /api/uploads/{id}', () => {
  it('serves the owner the bytes with safe headers', async () => {
    const { id } = await upload(alice, await jpegWithExif(), 'me.jpg');
    const res = await get(id, alice.cookie);

    expect(res.status).toBe(200);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'content-type': 'image/jpeg',
      'content-disposition': `inline; filename="${id}.jpg"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'content-security-policy': "default-src 'none'; sandbox",
      'cross-origin-resource-policy': 'same-origin',
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    const [row] = await t.db.select().from(uploads).where(eq(uploads.id, id));
    expect(bytes.equals(await fs.readFile(path.join(t.uploadDir, row!.storageKey)))).toBe(true);
  });

  it('serves a PDF as a PDF', async () => {
    const { id } = await upload(alice, await pdfBytes(), 'p.pdf', 'change_proof');
    const res = await get(id, alice.cookie);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="${id}.pdf"`);
  });

  it('answers another account exactly as for an id that does not exist (404)', async () => {
    const { id } = await upload(alice, await smallPng(), 'a.png');
    const foreign = await get(id, bob.cookie);
    const missing = await get('00000000-0000-4000-8000-000000000000', bob.cookie);
    const malformed = await get('../../etc/passwd', bob.cookie);
    expect([foreign.status, missing.status, malformed.status]).toEqual([404, 404, 404]);
    const bodies = await Promise.all([foreign.json(), missing.json(), malformed.json()]);
    expect(bodies[0]).toEqual(bodies[1]);
    expect(bodies[2]).toEqual(bodies[1]);
    expect(bodies[0]).toEqual({ error: { code: 'NOT_FOUND', message: describeError('NOT_FOUND').message } });
    // A middleware header changes nothing (SECURITY 12).
    expect((await get(id, bob.cookie, { 'x-middleware-subrequest': 'middleware:middleware:middleware' })).status).toBe(404);
  });

  it('serves staff (a reviewer), audited as a view', async () => {
    const { id } = await upload(alice, await smallPng(), 'a.png');
    const res = await get(id, reviewer.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const views = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'upload.viewed'), eq(auditLog.target, `upload:${id}`)));
    expect(views).toEqual([expect.objectContaining({ actorAccountId: reviewer.accountId, accountId: alice.accountId })]);
  });

  it('answers 401 without a session', async () => {
    const { id } = await upload(alice, await smallPng(), 'a.png');
    const res = await get(id);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: describeError('UNAUTHENTICATED').message } });
  });
});
