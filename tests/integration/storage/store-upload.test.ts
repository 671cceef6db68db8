import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findUploadOfAccount } from '@/db/queries/uploads';
import { auditLog, uploads } from '@/db/schema';
import { describeError, type ErrorCode } from '@/lib/errors';
import { MAX_UPLOAD_BYTES } from '@/lib/schemas/upload';
import { createLimiter } from '@/lib/security/rate-limit';
import { readUpload } from '@/lib/features/uploads/read-upload';
import { storeUpload, UPLOADS_PER_ACCOUNT } from '@/lib/features/uploads/store-upload';
import { EXIF_MAKE, HTML_BYTES, jpegWithExif, pdfBytes, pngDeclaring, smallPng, SVG_BYTES } from '@/lib/storage/test-images';
import { uploadThingFileStore, type UploadThingApi } from '@/lib/storage/uploadthing-store';
import { registerAccount } from '@/lib/features/account/register-account';
import { expectAppError } from '../support/expect-error';
import { ctx, type TestDatabase } from '../support/test-db';
import { expectNothingStored, storageTestSetup, storedFiles } from './support';

let t: TestDatabase & { uploadDir: string };
beforeAll(async () => {
  t = await storageTestSetup();
});
afterAll(async () => {
  await t?.close();
});

let n = 0;
async function account(role: 'user' | 'reviewer' | 'account_manager' = 'user') {
  const created = await registerAccount(ctx(t.db), { email: `store-${++n}@example.com`, password: 'store-tests-pass-9', role, emailConfirmed: true });
  return created.id;
}

describe('storeUpload refuses, and keeps nothing', () => {
  const cases: [string, ErrorCode, () => Promise<Uint8Array> | Uint8Array][] = [
    ['5 MB + 1 byte', 'UPLOAD_TOO_LARGE', () => new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0xff)],
    ['an empty file', 'UPLOAD_EMPTY', () => new Uint8Array(0)],
    ['HTML (renamed .png by its sender)', 'UPLOAD_TYPE_NOT_ALLOWED', () => HTML_BYTES],
    ['SVG', 'UPLOAD_TYPE_NOT_ALLOWED', () => SVG_BYTES],
    ['a PNG declaring 30000×30000', 'UPLOAD_DIMENSIONS_TOO_LARGE', () => pngDeclaring(30_000, 30_000)],
    ['a PDF where only images are allowed', 'UPLOAD_TYPE_NOT_ALLOWED', () => pdfBytes()],
    ['a truncated JPEG', 'UPLOAD_UNREADABLE', async () => (await jpegWithExif({ width: 300, height: 300 })).subarray(0, 400)],
  ];

  it.each(cases)('%s → %s', async (_, code, bytes) => {
    const accountId = await account();
    const started = performance.now();
    const error = await expectAppError(storeUpload(ctx(t.db), accountId, { purpose: 'business_licence', bytes: await bytes() }), code);
    const ms = performance.now() - started;
    if (code === 'UPLOAD_DIMENSIONS_TOO_LARGE') expect(ms).toBeLessThan(1000); // refused from the header, never decoded
    expect(describeError(code, error.detail).message).toMatch(/[\u4e00-\u9fff]/);
    await expectNothingStored(t.db, t.uploadDir, accountId);
  });

  it('refuses a PDF with JavaScript even where PDFs are allowed', async () => {
    const accountId = await account();
    const error = await expectAppError(
      storeUpload(ctx(t.db), accountId, { purpose: 'change_proof', bytes: await pdfBytes({ script: true }), allowPdf: true }),
      'UPLOAD_TYPE_NOT_ALLOWED',
    );
    expect(describeError(error.code, error.detail).message).toMatch(/脚本/);
    await expectNothingStored(t.db, t.uploadDir, accountId);
  });
});

describe('storeUpload keeps a clean copy', () => {
  it('re-encodes a JPEG with EXIF GPS: upright, no metadata, a row and an audit entry without the name', async () => {
    const accountId = await account();
    const input = await jpegWithExif({ width: 60, height: 30, orientation: 6 });

    const stored = await storeUpload(ctx(t.db), accountId, { purpose: 'legal_rep_id_front', bytes: input });

    expect(stored).toEqual({ id: expect.any(String), contentType: 'image/jpeg', width: 30, height: 60 });
    const [row] = await t.db.select().from(uploads).where(eq(uploads.id, stored.id));
    expect(row).toMatchObject({ accountId, purpose: 'legal_rep_id_front', store: 'local', contentType: 'image/jpeg', width: 30, height: 60, purgedAt: null });
    expect(row!.storageKey).toMatch(/^[0-9a-f]{32}$/);
    expect(row!.createdAt.toISOString()).toBe('2025-06-02T02:00:00.000Z'); // the product clock

    const onDisk = await fs.readFile(path.join(t.uploadDir, row!.storageKey));
    expect(row!.byteSize).toBe(onDisk.byteLength);
    expect(row!.sha256).toBe(createHash('sha256').update(onDisk).digest('hex'));
    const meta = await sharp(onDisk).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 30, height: 60 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(onDisk.toString('latin1')).not.toContain(EXIF_MAKE);
    expect((await fs.stat(path.join(t.uploadDir, row!.storageKey))).mode & 0o777).toBe(0o600);
    expect((await fs.stat(t.uploadDir)).mode & 0o777).toBe(0o700);

    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'upload.stored'), eq(auditLog.accountId, accountId)));
    expect(audit).toEqual([
      expect.objectContaining({
        actorAccountId: accountId,
        target: `upload:${stored.id}`,
        data: { purpose: 'legal_rep_id_front', byteSize: row!.byteSize, contentType: 'image/jpeg' },
      }),
    ]);
  });

  it('keeps a PDF as it is where PDFs are allowed', async () => {
    const accountId = await account();
    const pdf = await pdfBytes();
    const stored = await storeUpload(ctx(t.db), accountId, { purpose: 'change_proof', bytes: pdf, allowPdf: true });
    expect(stored).toMatchObject({ contentType: 'application/pdf', width: null, height: null });
    const read = await readUpload(ctx(t.db), { accountId, role: 'user' }, stored.id);
    expect(Buffer.from(read.bytes).equals(Buffer.from(pdf))).toBe(true);
  });

  it('removes the stored bytes when the row cannot be written', async () => {
    const before = await storedFiles(t.uploadDir);
    // No such account: the foreign key refuses the row after the bytes were stored.
    await expect(
      storeUpload(ctx(t.db), '00000000-0000-4000-8000-000000000000', { purpose: 'business_licence', bytes: await smallPng() }),
    ).rejects.toThrow();
    expect((await storedFiles(t.uploadDir)).sort()).toEqual(before.sort());
  });

  it('records which store holds the file, and reads it back from that store', async () => {
    const accountId = await account();
    const objects = new Map<string, Uint8Array>();
    const api: UploadThingApi = {
      uploadFiles: vi.fn(async (file: File) => {
        objects.set(`ut_${file.name}`, new Uint8Array(await file.arrayBuffer()));
        return { data: { key: `ut_${file.name}` }, error: null };
      }),
      generateSignedURL: vi.fn(async (key: string) => ({ ufsUrl: `https://app.ufs.sh/f/${key}?signature=x` })),
      deleteFiles: vi.fn(async () => ({ success: true })),
    };
    const fetch = vi.fn(async (url: string) => new Response(new Uint8Array(objects.get(new URL(url).pathname.slice(3))!))) as unknown as typeof globalThis.fetch;
    const fileStore = uploadThingFileStore({ token: 'unused', api, fetch });

    const stored = await storeUpload({ ...ctx(t.db), fileStore }, accountId, { purpose: 'business_licence', bytes: await smallPng() });

    const [row] = await t.db.select().from(uploads).where(eq(uploads.id, stored.id));
    expect(row).toMatchObject({ store: 'uploadthing', storageKey: expect.stringMatching(/^ut_[0-9a-f]{32}\.png$/) });
    expect(vi.mocked(api.uploadFiles).mock.calls[0]![1]).toEqual({ acl: 'private', contentDisposition: 'attachment' });
    const read = await readUpload({ ...ctx(t.db), fileStore }, { accountId, role: 'user' }, stored.id);
    expect(read.contentType).toBe('image/png');
    expect(createHash('sha256').update(read.bytes).digest('hex')).toBe(row!.sha256);
  });

  it('allows 30 uploads per account in 10 minutes, then RATE_LIMITED (audited)', async () => {
    const accountId = await account();
    const limiter = createLimiter(t.db, UPLOADS_PER_ACCOUNT);
    for (let i = 0; i < UPLOADS_PER_ACCOUNT.points - 1; i++) expect((await limiter.take(accountId)).allowed).toBe(true);
    await storeUpload(ctx(t.db), accountId, { purpose: 'business_licence', bytes: await smallPng() }); // the 30th

    await expectAppError(storeUpload(ctx(t.db), accountId, { purpose: 'business_licence', bytes: await smallPng() }), 'RATE_LIMITED');
    const rows = await t.db.select().from(uploads).where(eq(uploads.accountId, accountId));
    expect(rows).toHaveLength(1);
    const hits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'limit.uploads'), eq(auditLog.accountId, accountId)));
    expect(hits).toHaveLength(1);
  });
});

describe('readUpload and findUploadOfAccount: owner or staff only', () => {
  it('gives the owner and staff the file; another account, a malformed or a purged id get NOT_FOUND', async () => {
    const owner = await account();
    const stranger = await account();
    const reviewer = await account('reviewer');
    const manager = await account('account_manager');
    const stored = await storeUpload(ctx(t.db), owner, { purpose: 'business_licence', bytes: await smallPng() });

    expect((await readUpload(ctx(t.db), { accountId: owner, role: 'user' }, stored.id)).row.id).toBe(stored.id);
    expect((await readUpload(ctx(t.db), { accountId: reviewer, role: 'reviewer' }, stored.id)).contentType).toBe('image/png');
    expect((await readUpload(ctx(t.db), { accountId: manager, role: 'account_manager' }, stored.id)).contentType).toBe('image/png');
    await expectAppError(readUpload(ctx(t.db), { accountId: stranger, role: 'user' }, stored.id), 'NOT_FOUND');
    await expectAppError(readUpload(ctx(t.db), { accountId: owner, role: 'user' }, 'not-a-uuid'), 'NOT_FOUND');
    await expectAppError(readUpload(ctx(t.db), { accountId: owner, role: 'user' }, '00000000-0000-4000-8000-000000000000'), 'NOT_FOUND');

    const audit = await t.db.select().from(auditLog).where(eq(auditLog.target, `upload:${stored.id}`));
    expect(audit.map((a) => [a.action, a.actorAccountId])).toEqual([
      ['upload.stored', owner],
      ['upload.viewed', reviewer],
      ['upload.viewed', manager],
      ['authorization.refused', stranger],
    ]);

    expect((await findUploadOfAccount(t.db, stored.id, owner))?.id).toBe(stored.id);
    expect(await findUploadOfAccount(t.db, stored.id, stranger)).toBeUndefined();
    expect(await findUploadOfAccount(t.db, '../../etc/passwd', owner)).toBeUndefined();

    await t.db.update(uploads).set({ purgedAt: new Date() }).where(eq(uploads.id, stored.id));
    await expectAppError(readUpload(ctx(t.db), { accountId: owner, role: 'user' }, stored.id), 'NOT_FOUND');
    expect(await findUploadOfAccount(t.db, stored.id, owner)).toBeUndefined();
  });
});
