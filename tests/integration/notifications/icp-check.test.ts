import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertSubject } from '@/db/queries/subjects';
import { POST } from '@/app/api/icp-check/route';
import { encryptField } from '@/lib/security/crypto';
import { storageTestSetup } from '../storage/support';
import { APP_ORIGIN, handle, signedInUser, type TestUser } from '../support/requests';
import type { TestDatabase } from '../support/test-db';

// The session comes from the request's cookie (tests/integration/support/requests.ts).
vi.mock('next-auth', async (original) => (await import('../support/next-mocks')).withTestSession(original));

const NAME = '星河数智（北京）科技有限公司';
let t: TestDatabase;
let verified: TestUser;
let unverified: TestUser;

beforeAll(async () => {
  t = await storageTestSetup();
  [verified, unverified] = await Promise.all([signedInUser(t.db, 'icp-verified@example.com'), signedInUser(t.db, 'icp-new@example.com')]);
  await insertSubject(t.db, {
    accountId: verified.accountId,
    kind: 'enterprise',
    name: NAME,
    documentType: 'business_licence',
    documentNumberEnc: encryptField('91110108MA01XXXXX0', 'test'),
    identityKey: 'test-key',
    method: 'oa',
    verifiedAt: new Date(),
  });
});
afterAll(async () => t?.close());

function check(user: TestUser | null, body: unknown, origin = APP_ORIGIN) {
  const headers = new Headers({ origin, host: 'localhost:3000', 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' });
  if (user) headers.set('cookie', user.cookie);
  return handle(POST, new Request(`${APP_ORIGIN}/api/icp-check`, { method: 'POST', headers, body: JSON.stringify(body) }));
}

describe('POST /api/icp-check (R-OWN-4)', () => {
  it('exact name → match', async () => {
    const res = await check(verified, { filingName: NAME });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ match: true });
  });

  it('a half-width bracket or a trailing space → the precise reason', async () => {
    expect(await (await check(verified, { filingName: '星河数智(北京)科技有限公司' })).json()).toMatchObject({
      match: false,
      reason: 'bracket_width',
      position: 5,
      message: expect.stringContaining('括号的全角/半角不同'),
    });
    expect(await (await check(verified, { filingName: `${NAME} ` })).json()).toMatchObject({
      match: false,
      reason: 'trailing_space',
      message: '不一致：备案主体名称末尾有多余的空格，请删除。',
    });
  });

  it('an unverified account, a missing name, no session, a foreign origin', async () => {
    expect(await (await check(unverified, { filingName: NAME })).json()).toMatchObject({ match: false, reason: 'not_verified' });
    const empty = await check(verified, { filingName: ' ' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { field: 'filingName', message: '请输入备案主体名称' } });
    expect((await check(null, { filingName: NAME })).status).toBe(401);
    expect((await check(verified, { filingName: NAME }, 'https://evil.example')).status).toBe(403);
  });
});
