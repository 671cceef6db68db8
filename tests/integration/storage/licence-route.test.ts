import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/api/verification/enterprise/licence/route';
import { uploads } from '@/db/schema';
import { smallPng } from '@/lib/storage/test-images';
import type { TestDatabase } from '../support/test-db';
import { handle, signedInUser, type TestUser } from '../support/requests';
import { storageTestSetup, uploadRequest } from './support';

// The session comes from the request's cookie (support/requests.ts); the rest is the product's code.
vi.mock('next-auth', async (original) => (await import('../support/next-mocks')).withTestSession(original));
// Reading a licence is lib/ocr's (tests/integration/ocr); here only whether the route asks for it.
const recognise = vi.hoisted(() => vi.fn());
vi.mock('@/lib/ocr/recognise-licence', () => ({ recogniseLicence: recognise }));

let t: TestDatabase & { uploadDir: string };
let user: TestUser;
beforeAll(async () => {
  t = await storageTestSetup();
  user = await signedInUser(t.db, 'licence-route@example.com');
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => {
  recognise.mockReset();
  recognise.mockResolvedValue({ name: '上海星辰科技有限公司', code: '91310115MA1K4XXXX0', rotation: 0, ms: 1, failed: null });
});

const post = async (fields?: Record<string, string>) =>
  handle(POST, uploadRequest({ file: { bytes: await smallPng(), name: 'licence.png' }, cookie: user.cookie, fields }));
const storedLicences = async () => (await t.db.select().from(uploads).where(eq(uploads.accountId, user.accountId))).length;

describe('POST /api/verification/enterprise/licence', () => {
  it('stores the licence and recognises it by default', async () => {
    const res = await post();
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ name: '上海星辰科技有限公司', code: '91310115MA1K4XXXX0', failed: false });
    expect(recognise).toHaveBeenCalledTimes(1);
  });

  it('with recognise=no (both fields typed already) only stores it: nothing to read, nothing to wait for', async () => {
    const before = await storedLicences();
    const res = await post({ recognise: 'no' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { uploadId: string; name: null; code: null; failed: boolean };
    expect(body).toEqual({ uploadId: expect.any(String), name: null, code: null, failed: false });
    expect(recognise).not.toHaveBeenCalled();
    expect(await storedLicences()).toBe(before + 1);
  });

  it('refuses any other recognise value beside the field, storing nothing', async () => {
    const before = await storedLicences();
    const res = await post({ recognise: 'maybe' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string; field: string } }).error).toMatchObject({ code: 'INVALID_INPUT', field: 'recognise' });
    expect(recognise).not.toHaveBeenCalled();
    expect(await storedLicences()).toBe(before);
  });
});
