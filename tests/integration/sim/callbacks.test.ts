import { eq, inArray } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '@/lib/clock';
import { deliverDueCallbacks, enqueueCallback, MAX_ATTEMPTS, RETRY_DELAYS_SECONDS, signCallback } from '@/lib/simulators/callbacks';
import { callbackDeliveries } from '@/lib/simulators/schema';
import { channelSecret } from '@/lib/simulators/secrets';
import { callbackRecorder, type Received, setUpSimDatabase } from './support';

const sim = setUpSimDatabase();

/** A stopped world at a moment no other test of this file uses, so each test sees only its own due rows. */
function stoppedWorld(at: string) {
  const clock = fixedClock(at);
  return { world: { db: sim.db, clock }, clock };
}

describe('callback signatures (Standard Webhooks)', () => {
  it('signs so that the standardwebhooks package verifies the callback with the channel secret', async () => {
    const world = sim.world; // the real world clock: Webhook.verify checks the timestamp against real time
    const id = await enqueueCallback(world.db, { channel: 'wechat', url: 'http://product.test/api/callbacks/wechat', type: 'auth_session.completed', data: { sessionId: 'ses_1', reference: 'r', result: 'matched' } }, await world.clock.now());
    const product = callbackRecorder();

    await deliverDueCallbacks(world, { fetch: product.fetch });

    const sent = product.received.find((r) => r.headers['webhook-id'] === id)!;
    expect(sent.headers['content-type']).toBe('application/json');
    const payload = new Webhook(channelSecret('wechat')).verify(sent.body, sent.headers);
    expect(payload).toEqual({ type: 'auth_session.completed', data: { sessionId: 'ses_1', reference: 'r', result: 'matched' } });
    expect(() => new Webhook(channelSecret('bank')).verify(sent.body, sent.headers)).toThrow();
    expect(() => new Webhook(channelSecret('wechat')).verify(sent.body.replace('matched', 'mismatch'), sent.headers)).toThrow();
  });

  it('puts the world-clock seconds in webhook-timestamp and signs id.timestamp.body', () => {
    const headers = signCallback('whsec_' + Buffer.alloc(32, 7).toString('base64'), 'msg_x', 1_780_000_000, '{"a":1}');

    expect(headers['webhook-timestamp']).toBe('1780000000');
    const wh = new Webhook(Buffer.alloc(32, 7).toString('base64'));
    expect(headers['webhook-signature']).toBe(wh.sign('msg_x', new Date(1_780_000_000_000), '{"a":1}'));
  });

  it('each channel has its own secret, derived from NEXTAUTH_SECRET unless WEBHOOK_SECRET_<CHANNEL> is set', () => {
    expect(channelSecret('wechat')).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(channelSecret('wechat')).not.toBe(channelSecret('qq'));
    const explicit = 'whsec_' + Buffer.alloc(24, 9).toString('base64');
    process.env.WEBHOOK_SECRET_BANK = explicit;
    try {
      expect(channelSecret('bank')).toBe(explicit);
    } finally {
      delete process.env.WEBHOOK_SECRET_BANK;
    }
  });
});

describe('retries with backoff (1 s, 5 s, 30 s, 2 min, 10 min, then give up)', () => {
  it('retries a failing product on the schedule by world time, then records the failure and stops', async () => {
    const t0 = Date.parse('2031-01-06T02:00:00.000Z');
    const { world, clock } = stoppedWorld(new Date(t0).toISOString());
    const id = await enqueueCallback(sim.db, { channel: 'bank', url: 'http://product.test/api/callbacks/bank', type: 'transfer.received', data: { transferId: 'trf_x' } }, new Date(t0));
    const product = callbackRecorder(() => 503);
    const attemptsAt: number[] = [];
    const mine = (r: Received) => r.headers['webhook-id'] === id;

    // Walk the clock second by second past the whole schedule (≈ 12.6 min), delivering at each step.
    for (let s = 0; s <= 800; s += 1) {
      clock.set(new Date(t0 + s * 1000));
      const before = product.received.filter(mine).length;
      await deliverDueCallbacks(world, { fetch: product.fetch });
      if (product.received.filter(mine).length > before) attemptsAt.push(s);
    }

    expect(attemptsAt).toEqual([0, 1, 6, 36, 156, 756]);
    expect(attemptsAt.length).toBe(MAX_ATTEMPTS);
    expect(attemptsAt.slice(1).map((t, i) => t - attemptsAt[i]!)).toEqual([...RETRY_DELAYS_SECONDS]);
    const [row] = await sim.db.select().from(callbackDeliveries).where(eq(callbackDeliveries.id, id));
    expect(row).toMatchObject({ status: 'failed', attempts: 6, lastStatus: 503, lastError: 'HTTP 503' });
    // Every attempt carries the same webhook-id (the product deduplicates by it) and a fresh timestamp.
    const timestamps = product.received.filter(mine).map((r) => Number(r.headers['webhook-timestamp']));
    expect(timestamps).toEqual(attemptsAt.map((s) => Math.floor(t0 / 1000) + s));
  }, 120_000);

  it('stops retrying once the product answers 2xx, and treats a network error or timeout as a failure', async () => {
    const t0 = Date.parse('2031-02-03T02:00:00.000Z');
    const { world, clock } = stoppedWorld(new Date(t0).toISOString());
    const id = await enqueueCallback(sim.db, { channel: 'oa', url: 'http://product.test/cb', type: 'auth_session.expired', data: { sessionId: 's', reference: 'r' } }, new Date(t0));
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls === 1) throw new TypeError('fetch failed');
      if (calls === 2) return new Promise<Response>((_, reject) => setTimeout(() => reject(new DOMException('timed out', 'TimeoutError')), 5));
      return new Response(null, { status: 204 });
    };

    await deliverDueCallbacks(world, { fetch: flaky });
    clock.set(new Date(t0 + 1000));
    await deliverDueCallbacks(world, { fetch: flaky });
    clock.set(new Date(t0 + 6000));
    await deliverDueCallbacks(world, { fetch: flaky });
    clock.set(new Date(t0 + 3_600_000));
    await deliverDueCallbacks(world, { fetch: flaky });

    expect(calls).toBe(3);
    const [row] = await sim.db.select().from(callbackDeliveries).where(eq(callbackDeliveries.id, id));
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 204, lastError: null });
  });

  it('gives up on a product that never answers within the timeout', async () => {
    const t0 = Date.parse('2031-03-03T02:00:00.000Z');
    const { world } = stoppedWorld(new Date(t0).toISOString());
    const id = await enqueueCallback(sim.db, { channel: 'qq', url: 'http://product.test/cb', type: 'auth_session.expired', data: {} }, new Date(t0));
    const hanging = (_url: string, init: RequestInit) =>
      new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));

    const report = await deliverDueCallbacks(world, { fetch: hanging, timeoutMs: 50 });

    expect(report).toMatchObject({ attempted: 1, retrying: 1, delivered: 0 });
    const [row] = await sim.db.select().from(callbackDeliveries).where(eq(callbackDeliveries.id, id));
    expect(row?.lastError).toMatch(/TimeoutError/);
  });
});

describe('concurrent workers', () => {
  it(`two deliverDueCallbacks() at once never send one callback twice (FOR UPDATE SKIP LOCKED)`, async () => {
    const t0 = Date.parse('2031-04-07T02:00:00.000Z');
    const { world } = stoppedWorld(new Date(t0).toISOString());
    const ids: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      ids.push(await enqueueCallback(sim.db, { channel: 'notify', url: 'http://product.test/cb', type: 'x', data: { i } }, new Date(t0)));
    }
    const seen: string[] = [];
    // A slow product, so that both workers are sending at the same time.
    const slow = async (_url: string, init: RequestInit) => {
      seen.push(new Headers(init.headers).get('webhook-id')!);
      await new Promise((r) => setTimeout(r, 20));
      return new Response(null, { status: 200 });
    };

    const reports = await Promise.all([
      deliverDueCallbacks(world, { fetch: slow, limit: 10 }),
      deliverDueCallbacks(world, { fetch: slow, limit: 10 }),
      deliverDueCallbacks(world, { fetch: slow, limit: 10 }),
      deliverDueCallbacks(world, { fetch: slow, limit: 10 }),
    ]);
    while ((await deliverDueCallbacks(world, { fetch: slow, limit: 10 })).attempted > 0) {
      // drain what the concurrent round left (on PGlite the workers run one after another)
    }

    const mine = seen.filter((id) => ids.includes(id));
    expect(new Set(mine).size).toBe(mine.length);
    expect(new Set(mine)).toEqual(new Set(ids));
    expect(reports.reduce((n, r) => n + r.attempted, 0)).toBeGreaterThan(0);
    // On PostgreSQL the workers really overlap: more than one of them got rows.
    if (sim.kind === 'postgres') expect(reports.filter((r) => r.attempted > 0).length).toBeGreaterThan(1);
    const rows = await sim.db.select().from(callbackDeliveries).where(inArray(callbackDeliveries.id, ids));
    expect(rows.every((r) => r.status === 'delivered' && r.attempts === 1)).toBe(true);
  });
});
