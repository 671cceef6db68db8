import { eq, like, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channelRequests, channelSessions } from '@/db/schema';
import { resetEnvCache } from '@/lib/env';
import { describeError } from '@/lib/errors';
import { openChannelSession } from '@/lib/features/channels/open-channel-session';
import { getChannelSession, getLatestChannelSession } from '@/lib/features/channels/get-channel-session';
import { expectAppError } from '../support/expect-error';
import {
  auditRows,
  channelTestFile,
  derivedSecret,
  fakeProvider,
  freshReference,
  inputFor,
  moveTime,
  personalInput,
  serviceContext,
  stalledFetch,
} from './support';

const t = channelTestFile();
afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

async function sessionsFor(reference: string) {
  return t.db.select().from(channelSessions).where(eq(channelSessions.reference, reference));
}

async function requestsFor(reference: string) {
  return t.db.select().from(channelRequests).where(like(channelRequests.reference, `${reference}:%`));
}

describe('opening a channel session (openChannelSession)', () => {
  it('sends the protocol request: default simulator URL, bearer secret, a saved idempotency key, the callback URL', async () => {
    const provider = fakeProvider();
    const input = personalInput('wechat');
    let savedBeforeCall: unknown;
    const fetch: typeof globalThis.fetch = async (url, init) => {
      const key = new Headers(init?.headers).get('idempotency-key')!;
      [savedBeforeCall] = await t.db.select().from(channelRequests).where(eq(channelRequests.idempotencyKey, key));
      return provider.fetch(url, init);
    };

    const session = await openChannelSession(serviceContext(t.db, fetch), input);

    const [call] = provider.calls;
    expect(call!.url).toBe('http://localhost:3000/api/sim/providers/wechat/auth-sessions');
    expect(call!.method).toBe('POST');
    expect(call!.headers.get('authorization')).toBe(`Bearer ${derivedSecret('wechat')}`);
    const key = call!.headers.get('idempotency-key')!;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    // SECURITY 30: the key was in the database before the request left.
    expect(savedBeforeCall).toMatchObject({ idempotencyKey: key, status: 'pending', channel: 'wechat', operation: 'open_session' });
    // Its scope: the reference and, keyed, the identity — never the clear ID number.
    const scope = (savedBeforeCall as { reference: string }).reference;
    expect(scope).toMatch(new RegExp(`^${input.reference}:[A-Za-z0-9_-]{43}$`));
    expect(scope).not.toContain((input as { idNumber: string }).idNumber);
    expect(call!.body).toEqual({
      reference: input.reference,
      expectedName: '张三',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      callbackUrl: 'http://localhost:3000/api/callbacks/wechat',
    });

    expect(session).toMatchObject({ channel: 'wechat', purpose: 'personal_verification', reference: input.reference, state: 'open', result: null });
    expect(session.scanUrl).toMatch(/^http:\/\/localhost:3000\/sim\/wechat\/s\/ext_/);
    expect(session.expiresAt.getTime() - Date.now()).toBe(5 * 60_000);
    expect(await requestsFor(input.reference)).toMatchObject([{ idempotencyKey: key, status: 'succeeded', attempts: 1 }]);
    expect(await auditRows(t.db, 'channel_session.opened', `channel_session:${session.id}`)).toHaveLength(1);
    expect(await getChannelSession(serviceContext(t.db), session.id)).toEqual(session);
  });

  it('uses CHANNEL_<NAME>_URL when set, and each channel its own path and secret', async () => {
    vi.stubEnv('CHANNEL_FACE_URL', 'https://face.example.test/v1/');
    resetEnvCache();
    const provider = fakeProvider();

    await openChannelSession(serviceContext(t.db, provider.fetch), inputFor('face'));
    await openChannelSession(serviceContext(t.db, provider.fetch), inputFor('oa'));

    expect(provider.calls[0]!.url).toBe('https://face.example.test/v1/sessions');
    expect(provider.calls[0]!.headers.get('authorization')).toBe(`Bearer ${derivedSecret('face')}`);
    expect(provider.calls[1]!.url).toBe('http://localhost:3000/api/sim/providers/oa/auth-sessions');
    expect(Object.keys(provider.calls[1]!.body!).sort()).toEqual(['callbackUrl', 'reference']);
  });

  it('answers the live session again on a double submit, without a second request', async () => {
    const provider = fakeProvider();
    const input = personalInput('qq');

    const first = await openChannelSession(serviceContext(t.db, provider.fetch), input);
    const second = await openChannelSession(serviceContext(t.db, provider.fetch), input);

    expect(second.id).toBe(first.id);
    expect(provider.calls).toHaveLength(1);
  });

  it('opens one session when five submits race (five rounds): the channel acts once per reference', async () => {
    for (let round = 0; round < 5; round++) {
      const provider = fakeProvider();
      const input = personalInput('wechat');

      const sessions = await Promise.all(Array.from({ length: 5 }, () => openChannelSession(serviceContext(t.db, provider.fetch), input)));

      expect(new Set(sessions.map((s) => s.id)).size).toBe(1);
      expect(provider.created.size).toBe(1);
      expect(await sessionsFor(input.reference)).toHaveLength(1);
      expect(await requestsFor(input.reference)).toHaveLength(1);
    }
  });

  it('opens a new session with a new key once the previous one has expired', async () => {
    const provider = fakeProvider();
    const input = personalInput('wechat');
    const first = await openChannelSession(serviceContext(t.db, provider.fetch), input);
    moveTime(5 * 60_000);

    expect((await getLatestChannelSession(serviceContext(t.db), { channel: 'wechat', purpose: 'personal_verification', reference: input.reference }))?.state).toBe('expired');
    const second = await openChannelSession(serviceContext(t.db, provider.fetch), input);

    expect(second.id).not.toBe(first.id);
    expect(provider.created.size).toBe(2);
    expect(await requestsFor(input.reference)).toHaveLength(2);
  });
});

describe('channel failures never succeed (SECURITY 31)', () => {
  it('times out after the transport timeout: CHANNEL_TIMEOUT, no session, the key kept pending for a retry', async () => {
    const input = personalInput();

    const error = await expectAppError(openChannelSession(serviceContext(t.db, stalledFetch, 50), input), 'CHANNEL_TIMEOUT');

    expect(describeError(error.code).message).toBe('认证渠道响应超时，请稍后重试');
    expect(await sessionsFor(input.reference)).toHaveLength(0);
    expect(await requestsFor(input.reference)).toMatchObject([{ status: 'pending', lastFailure: 'timeout' }]);
    const [audit] = (await auditRows(t.db, 'channel_session.open_failed')).filter((r) => r.data.reference === input.reference);
    expect(audit!.data).toMatchObject({ channel: 'wechat', failure: 'timeout' });
  });

  it('treats a 5xx as unavailable: CHANNEL_UNAVAILABLE, no session', async () => {
    const input = personalInput();
    const provider = fakeProvider();
    provider.script.push(() => Response.json({ error: { code: 'internal' } }, { status: 503 }));

    await expectAppError(openChannelSession(serviceContext(t.db, provider.fetch), input), 'CHANNEL_UNAVAILABLE');

    expect(await sessionsFor(input.reference)).toHaveLength(0);
    expect(await requestsFor(input.reference)).toMatchObject([{ status: 'pending', lastFailure: 'unavailable', lastHttpStatus: 503 }]);
  });

  it('treats garbage as a failure: unparseable JSON, a wrong shape, a javascript: scan URL → CHANNEL_BAD_RESPONSE', async () => {
    const answers = [
      () => new Response('<html>oops</html>', { status: 201, headers: { 'content-type': 'text/html' } }),
      () => Response.json({ sessionId: 's_1' }, { status: 201 }),
      () => Response.json({ sessionId: 's_2', scanUrl: 'javascript:alert(1)', expiresAt: new Date().toISOString() }, { status: 201 }),
      () => Response.json({ sessionId: 's_3', scanUrl: 'https://x.test/s', expiresAt: 'tomorrow' }, { status: 201 }),
    ];
    for (const answer of answers) {
      const input = personalInput();
      const provider = fakeProvider();
      provider.script.push(answer);

      await expectAppError(openChannelSession(serviceContext(t.db, provider.fetch), input), 'CHANNEL_BAD_RESPONSE');

      expect(await sessionsFor(input.reference)).toHaveLength(0);
      // The channel would repeat this answer for the same key: the request is closed, a retry gets a new key.
      expect(await requestsFor(input.reference)).toMatchObject([{ status: 'failed', lastFailure: 'bad_response' }]);
    }
  });

  it('reports a 4xx as CHANNEL_REJECTED with the provider code kept for operators', async () => {
    const input = personalInput();
    const provider = fakeProvider();
    provider.script.push(() => Response.json({ error: { code: 'invalid_id_number', message: 'bad', field: 'idNumber' } }, { status: 400 }));

    const error = await expectAppError(openChannelSession(serviceContext(t.db, provider.fetch), input), 'CHANNEL_REJECTED');

    expect(error).toMatchObject({ kind: 'rejected', info: { httpStatus: 400, providerCode: 'invalid_id_number', providerField: 'idNumber' } });
    expect(await sessionsFor(input.reference)).toHaveLength(0);
  });

  it('treats a network error as unavailable', async () => {
    const input = personalInput();
    const fetch: typeof globalThis.fetch = async () => {
      throw new TypeError('fetch failed');
    };
    await expectAppError(openChannelSession(serviceContext(t.db, fetch), input), 'CHANNEL_UNAVAILABLE');
    expect(await sessionsFor(input.reference)).toHaveLength(0);
  });
});

describe('idempotency keys survive a crash (SECURITY 30)', () => {
  it('reuses the saved key after a timeout: the channel sees the key twice and opens one session', async () => {
    const input = personalInput();
    const provider = fakeProvider();
    // The channel acts, but its answer never arrives (the connection drops).
    provider.script.push(async () => {
      throw new TypeError('socket hang up');
    });

    await expectAppError(openChannelSession(serviceContext(t.db, provider.fetch), input), 'CHANNEL_UNAVAILABLE');
    const retried = await openChannelSession(serviceContext(t.db, provider.fetch), input);

    const keys = provider.calls.map((c) => c.headers.get('idempotency-key'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(provider.created.size).toBe(1);
    expect(retried.state).toBe('open');
    expect(await sessionsFor(input.reference)).toHaveLength(1);
    expect(await requestsFor(input.reference)).toMatchObject([{ idempotencyKey: keys[0], status: 'succeeded', attempts: 2, lastFailure: null }]);
  });

  it('reuses the saved key when this process died after the channel answered but before the session was stored', async () => {
    const input = personalInput();
    const provider = fakeProvider();
    // The "crash": storing the session fails once, after the channel has acted.
    await t.db.execute(sql`create table crash_once (armed boolean not null)`);
    await t.db.execute(sql`insert into crash_once values (true)`);
    await t.db.execute(sql.raw(`
      create function crash_on_session_insert() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from crash_once where armed) then
          update crash_once set armed = false;
          raise exception 'simulated crash';
        end if;
        return new;
      end $$`));
    await t.db.execute(sql`create trigger crash_on_session_insert before insert on channel_sessions for each row execute function crash_on_session_insert()`);
    try {
      await expect(openChannelSession(serviceContext(t.db, provider.fetch), input)).rejects.toThrow();
      // The failed transaction also rolled back its `armed = false`: disarm for the retry.
      await t.db.execute(sql`update crash_once set armed = false`);
      expect(await requestsFor(input.reference)).toMatchObject([{ status: 'pending' }]);

      const retried = await openChannelSession(serviceContext(t.db, provider.fetch), input);

      const keys = provider.calls.map((c) => c.headers.get('idempotency-key'));
      expect(keys).toEqual([keys[0], keys[0]]);
      expect(provider.created.size).toBe(1);
      expect(await sessionsFor(input.reference)).toHaveLength(1);
      expect(retried.scanUrl).toContain(provider.created.get(keys[0]!)!.sessionId);
    } finally {
      await t.db.execute(sql`drop trigger crash_on_session_insert on channel_sessions`);
      await t.db.execute(sql`drop function crash_on_session_insert()`);
      await t.db.execute(sql`drop table crash_once`);
    }
  });

  it('gives a request closed as failed a new key on the next attempt', async () => {
    const input = personalInput();
    const provider = fakeProvider();
    provider.script.push(() => new Response('garbage', { status: 201 }));

    await expectAppError(openChannelSession(serviceContext(t.db, provider.fetch), input), 'CHANNEL_BAD_RESPONSE');
    await openChannelSession(serviceContext(t.db, provider.fetch), input);

    const keys = provider.calls.map((c) => c.headers.get('idempotency-key'));
    expect(keys[0]).not.toBe(keys[1]);
    expect((await requestsFor(input.reference)).map((r) => r.status).sort()).toEqual(['failed', 'succeeded']);
  });

  it('never opens two sessions for one reference when a retry races a stalled first attempt', async () => {
    const reference = freshReference();
    const provider = fakeProvider();
    await expectAppError(openChannelSession(serviceContext(t.db, stalledFetch, 30), personalInput('wechat', reference)), 'CHANNEL_TIMEOUT');

    await Promise.all([
      openChannelSession(serviceContext(t.db, provider.fetch), personalInput('wechat', reference)),
      openChannelSession(serviceContext(t.db, provider.fetch), personalInput('wechat', reference)),
    ]);

    expect(provider.created.size).toBe(1);
    expect(await sessionsFor(reference)).toHaveLength(1);
    expect(await requestsFor(reference)).toHaveLength(1);
  });
});
