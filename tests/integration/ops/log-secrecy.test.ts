import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { submitPersonalInfoAction, confirmPersonalInfoAction, choosePersonalMethodAction } from '@/app/(console)/account/verification/personal/actions';
import { updateProfileAction } from '@/app/(console)/account/actions';
import { channelSessions, personalVerifications } from '@/db/schema';
import { makeResidentId } from '@/lib/domain/identity/resident-id';
import { log, setLogDestination } from '@/lib/ops/log';
import { metrics } from '@/lib/ops/metrics';
import { completed, deliver, derivedSecret, fakeProvider, freezeTime, signedDelivery, channelTestDatabase } from '../channels/support';
import { personalFields as personalFieldsOf } from '../support/factories';
import { inRequest, signedInUser, type TestUser } from '../support/requests';
import type { TestDatabase } from '../support/test-db';

/*
 * SECURITY 22: what the logger writes while a person verifies — through the server
 * actions and the callback route, as a browser and a channel reach them — carries the
 * request ids and events, and none of the person's data, the cookie or a secret.
 */
vi.mock('next-auth', async (original) => (await import('../support/next-mocks')).withTestSession(original));
vi.mock('next/headers', async (original) => (await import('../support/next-mocks')).withTestHeaders(original));
vi.mock('next/cache', async (original) => (await import('../support/next-mocks')).withoutRevalidation(original));

const NAME = '欧阳明珠';
const ID_NUMBER = makeResidentId('440305', '19900101', '123');
const PHONE = '13912345678';

let t: TestDatabase;
let user: TestUser;
let captured = '';
const provider = fakeProvider();

beforeAll(async () => {
  setLogDestination(new Writable({ write: (chunk: Buffer, _encoding, done) => ((captured += chunk.toString()), done()) }));
  log.level = 'debug';
  freezeTime('2026-11-27T04:00:00.000Z');
  vi.stubGlobal('fetch', provider.fetch);
  t = await channelTestDatabase();
  user = await signedInUser(t.db, 'log-secrecy@example.com');
});
afterAll(async () => {
  setLogDestination(undefined);
  log.level = 'silent';
  vi.unstubAllGlobals();
  vi.useRealTimers();
  await t?.close();
});

/** A same-origin form post of `action` by the signed-in user, under `requestId`. */
async function post(action: (prev: never, form: FormData) => Promise<unknown>, requestId: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const outcome = await inRequest(user.cookie, () => action({ status: 'idle' } as never, form), { headers: { 'x-request-id': requestId } });
  return 'thrown' in outcome ? { thrown: String((outcome.thrown as { digest?: string }).digest) } : outcome.value;
}

const personalFields = personalFieldsOf({ realName: NAME, documentNumber: ID_NUMBER });

function lines(): Record<string, unknown>[] {
  return captured
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('the logs of a personal verification (SECURITY 22)', () => {
  it('carry request ids and events, and no name, ID number, phone, cookie or secret', async () => {
    expect(await post(updateProfileAction, 'req-profile-0001', { nickname: '明珠', contactPhone: PHONE })).toMatchObject({ status: 'ok' });
    // A failing action: a wrong check character, the number echoed to the form but never logged.
    const wrongCheck = `${ID_NUMBER.slice(0, 17)}${ID_NUMBER.endsWith('1') ? '2' : '1'}`;
    expect(await post(submitPersonalInfoAction, 'req-invalid-0002', { ...personalFields, documentNumber: wrongCheck })).toMatchObject({ status: 'error' });
    expect(await post(submitPersonalInfoAction, 'req-submit-0003', personalFields)).toEqual({ thrown: expect.stringContaining('NEXT_REDIRECT') });
    const [verification] = await t.db.select().from(personalVerifications).where(eq(personalVerifications.accountId, user.accountId));
    expect(await post(confirmPersonalInfoAction, 'req-confirm-0004', { verificationId: verification!.id })).toEqual({ thrown: expect.stringContaining('NEXT_REDIRECT') });
    expect(await post(choosePersonalMethodAction, 'req-method-0005', { verificationId: verification!.id, method: 'wechat' })).toEqual({ thrown: expect.stringContaining('NEXT_REDIRECT') });
    expect(provider.calls.at(-1)!.body).toMatchObject({ expectedName: NAME, idNumber: ID_NUMBER });

    const [session] = await t.db.select().from(channelSessions).where(eq(channelSessions.reference, verification!.id));
    const good = signedDelivery('wechat', completed(session!, 'matched'));
    const rejected = await deliver('wechat', { body: good.body, headers: { ...good.headers, 'webhook-signature': 'v1,AAAA', 'x-request-id': 'req-forged-0006' } });
    expect(rejected.status).toBe(401);
    expect(rejected.headers.get('x-request-id')).toBe('req-forged-0006');
    const accepted = await deliver('wechat', { body: good.body, headers: { ...good.headers, 'x-request-id': 'req-callback-0007' } });
    expect(accepted.status).toBe(204);
    expect(accepted.headers.get('x-request-id')).toBe('req-callback-0007');
    // An id of the wrong shape is not taken: the answer carries one made here.
    const odd = await deliver('wechat', { body: good.body, headers: { ...good.headers, 'x-request-id': 'bad id; <script>' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const [done] = await t.db.select().from(personalVerifications).where(eq(personalVerifications.id, verification!.id));
    expect(done!.state).toBe('succeeded');
    expect((await metrics.verificationsEnded.get()).values).toEqual([{ labels: { kind: 'personal', method: 'wechat', outcome: 'succeeded' }, value: 1 }]);

    const logged = lines();
    expect(logged.length).toBeGreaterThan(0);
    expect(logged).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ event: 'action.failed', code: 'INVALID_INPUT', requestId: 'req-invalid-0002' }),
        expect.objectContaining({ event: 'callback.received', channel: 'wechat', outcome: 'bad_signature', requestId: 'req-forged-0006' }),
        expect.objectContaining({ event: 'callback.received', channel: 'wechat', outcome: 'accepted', requestId: 'req-callback-0007' }),
        expect.objectContaining({ event: 'callback.received', channel: 'wechat', outcome: 'duplicate', requestId: odd.headers.get('x-request-id') }),
      ]),
    );
    // Successful actions write nothing; each line carries the id of the request it was written in.
    expect(logged.filter((l) => l.event === 'action.failed')).toHaveLength(1);
    for (const l of logged.filter((l) => l.event === 'callback.received')) expect(typeof l.ms).toBe('number');

    const secret = derivedSecret('wechat');
    const cookieValue = user.cookie.slice(user.cookie.indexOf('=') + 1);
    const forbidden = [NAME, ID_NUMBER, ID_NUMBER.toLowerCase(), wrongCheck, PHONE, cookieValue, secret, secret.slice('whsec_'.length), process.env.NEXTAUTH_SECRET!];
    const lower = captured.toLowerCase();
    for (const value of forbidden) expect(lower, 'a secret or personal value in the logs').not.toContain(value.toLowerCase());
  });
});
