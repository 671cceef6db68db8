import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Db } from '@/db/client';
import { outboxMessages, webhookDeliveries } from '@/db/schema';
import { channelBaseUrl } from '@/lib/channels/providers/simulator/http-client';
import { fixedClock } from '@/lib/clock';
import { metrics } from '@/lib/ops/metrics';
import { encryptField } from '@/lib/security/crypto';
import { deliverOutboxMessages, type OutboxContext } from '@/lib/features/notifications/deliver-outbox-messages';
import { deliverWebhooks } from '@/lib/features/notifications/deliver-webhooks';
import { OUTBOX_RECIPIENT_CONTEXT } from '@/db/schema';
import { registerAccount } from '@/lib/features/account/register-account';
import { registerWebhookEndpoint } from '@/lib/features/notifications/register-webhook-endpoint';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

/**
 * Issue 15, item 8: a notify channel and an integrator's endpoint that answer after 4 s,
 * two workers side by side, a lease shorter than one send. Every message and every event
 * must reach the receiver exactly once: the heartbeat keeps the leases, the lease token
 * keeps a worker that lost one from marking.
 */
let t: TestDatabase;
let second: { db: Db; close(): Promise<void> } | undefined;
const clock = fixedClock('2026-11-27T04:00:00.000Z');
let accountId: string;

/** The receiving side of both channels: counts requests per idempotency key / webhook-id and answers after `delayMs`. */
const receiver = {
  server: http.createServer(),
  base: '',
  delayMs: 4_000,
  arrived: 0,
  messages: new Map<string, number>(),
  events: new Map<string, number>(),
};

beforeAll(async () => {
  t = await createTestDatabase();
  // On PostgreSQL the second worker has a connection pool of its own, as a second instance would.
  if (t.url) second = await openPostgres(t.url);
  receiver.server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    receiver.arrived += 1;
    const [tally, key] = req.url === '/messages' ? [receiver.messages, req.headers['idempotency-key']] : [receiver.events, req.headers['webhook-id']];
    tally.set(String(key), (tally.get(String(key)) ?? 0) + 1);
    req.resume();
    const timer = setTimeout(() => {
      if (req.url === '/messages') res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ messageId: `ntf_${String(key)}` }));
      else res.writeHead(204).end();
    }, receiver.delayMs);
    res.on('close', () => clearTimeout(timer));
  });
  await new Promise<void>((r) => receiver.server.listen(0, '127.0.0.1', r));
  receiver.base = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`;
  accountId = (await registerAccount({ db: t.db, clock }, { email: `slow-${Date.now()}@example.com`, password: 'Passw0rd!', emailConfirmed: true })).id;
  await registerWebhookEndpoint({ db: t.db, clock }, accountId, { url: `${receiver.base}/hooks` });
}, 60_000);

afterAll(async () => {
  receiver.server.closeAllConnections();
  await new Promise<void>((r) => receiver.server.close(() => r()));
  await second?.close();
  await t?.close();
});

/** The notify channel's requests go to the local receiver; webhooks go to their endpoint's URL (the receiver too). */
const toReceiver: typeof fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  return fetch(url.replace(channelBaseUrl('notify'), receiver.base), init);
};

function worker(db: Db, extra: Partial<OutboxContext> = {}): OutboxContext {
  // A timeout well above the receiver's 4 s: on a loaded machine a slow answer must not turn into a retry.
  return { db, clock, mailer: null, channelTransport: { fetch: toReceiver, timeoutMs: 10_000 }, ...extra };
}

/** `n` due rows from `now - n s` on, oldest first (so a lapsed lease would be the next one claimed). */
function due(now: Date, n: number, i: number) {
  return new Date(now.getTime() - (n - i) * 1_000);
}

async function queueMessages(n: number): Promise<string[]> {
  const now = await clock.now();
  const toEnc = encryptField('13800000000', OUTBOX_RECIPIENT_CONTEXT);
  const kinds = ['email', 'sms', 'wechat'] as const;
  const rows = await t.db
    .insert(outboxMessages)
    .values(Array.from({ length: n }, (_, i) => ({ accountId, kind: kinds[i % 3]!, toEnc, event: 'change_completed', body: `消息 ${i}`, createdAt: now, nextAttemptAt: due(now, n, i) })))
    .returning({ id: outboxMessages.id });
  return rows.map((r) => r.id);
}

async function queueEvents(n: number): Promise<string[]> {
  const now = await clock.now();
  const rows = await t.db
    .insert(webhookDeliveries)
    .values(Array.from({ length: n }, (_, i) => ({ id: `msg_${randomUUID()}`, accountId, url: `${receiver.base}/hooks`, type: 'change.completed', data: { i }, createdAt: now, nextAttemptAt: due(now, n, i) })))
    .returning({ id: webhookDeliveries.id });
  return rows.map((r) => r.id);
}

async function pending(table: typeof outboxMessages | typeof webhookDeliveries, ids: string[]): Promise<number> {
  const [row] = await t.db
    .select({ n: count() })
    .from(table)
    .where(and(eq(table.status, 'pending'), inArray(table.id, ids)));
  return row!.n;
}

/**
 * One worker's loop over one job: passes until none of `ids` is pending (rows another
 * worker holds included), or until `deadline` — leases that lapse under 4 s sends would
 * keep the rows going round, and the assertions should then show the duplicates, not a timeout.
 */
async function loop(pass: () => Promise<{ claimed: number }>, table: typeof outboxMessages | typeof webhookDeliveries, ids: string[], deadline: number) {
  while (performance.now() < deadline) {
    if ((await pass()).claimed > 0) continue;
    if ((await pending(table, ids)) === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('slow channels, two workers, a lease shorter than a send', () => {
  it('every message and every event arrives exactly once; every row is done on its first try', async () => {
    receiver.delayMs = 4_000;
    const messageIds = await queueMessages(200);
    const eventIds = await queueEvents(200);
    const options = { leaseSeconds: 3, concurrency: 50 };
    const a = worker(t.db, options);
    const b = worker(second?.db ?? t.db, options);
    const deadline = performance.now() + 40_000;

    await Promise.all([
      loop(() => deliverOutboxMessages(a), outboxMessages, messageIds, deadline),
      loop(() => deliverWebhooks(a), webhookDeliveries, eventIds, deadline),
      loop(() => deliverOutboxMessages(b), outboxMessages, messageIds, deadline),
      loop(() => deliverWebhooks(b), webhookDeliveries, eventIds, deadline),
    ]);

    expect(messageIds.map((id) => receiver.messages.get(id) ?? 0).filter((n) => n !== 1), "sends per message that was not sent exactly once").toEqual([]);
    expect(eventIds.map((id) => receiver.events.get(id) ?? 0).filter((n) => n !== 1), "deliveries per event that was not delivered exactly once").toEqual([]);
    const messages = await t.db.select().from(outboxMessages).where(inArray(outboxMessages.id, messageIds));
    expect(messages.filter((m) => m.status !== 'sent' || m.attempts !== 1)).toEqual([]);
    const events = await t.db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.id, eventIds));
    expect(events.filter((e) => e.status !== 'delivered' || e.attempts !== 1)).toEqual([]);
  }, 60_000);
});

async function until(condition: () => boolean) {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 10_000) throw new Error('condition not met within 10 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function counted(channel: string, outcome: string): Promise<number> {
  return (await metrics.deliveries.get()).values.find((v) => v.labels.channel === channel && v.labels.outcome === outcome)?.value ?? 0;
}

const messagesOf = (ids: string[]) => t.db.select().from(outboxMessages).where(inArray(outboxMessages.id, ids));
const eventsOf = (ids: string[]) => t.db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.id, ids));

describe('shutdown and lost leases', () => {
  it('stopSignal mid-batch: the pass ends after the sends in flight; the rows not started are given back, their try uncounted', async () => {
    receiver.delayMs = 1_000;
    const ids = await queueMessages(10);
    const arrived = receiver.arrived;
    const stop = new AbortController();
    const started = performance.now();

    const pass = deliverOutboxMessages(worker(t.db, { concurrency: 3, stopSignal: stop.signal }));
    await until(() => receiver.arrived - arrived === 3);
    stop.abort();
    const result = await pass;

    // Without the stop the pass would take four rounds of 1 s.
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(result).toMatchObject({ claimed: 10, sent: 3, retried: 0, released: 7, leaseLost: 0 });
    const rows = await messagesOf(ids);
    const sent = rows.filter((r) => r.status === 'sent');
    expect(sent.map((r) => [r.attempts, receiver.messages.get(r.id)])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    const given = rows.filter((r) => r.status !== 'sent');
    expect(given).toHaveLength(7);
    for (const r of given) expect(r).toMatchObject({ status: 'pending', attempts: 0, leasedUntil: null, leaseToken: null, lastError: null });
    expect(given.filter((r) => receiver.messages.has(r.id))).toEqual([]);

    // A stopped worker claims nothing more; another one sends the rows given back, once each.
    expect(await deliverOutboxMessages(worker(t.db, { stopSignal: stop.signal }))).toMatchObject({ claimed: 0 });
    await deliverOutboxMessages(worker(t.db, { concurrency: 10 }));
    expect((await messagesOf(ids)).map((r) => [r.status, r.attempts, receiver.messages.get(r.id)])).toEqual(ids.map(() => ['sent', 1, 1]));
  });

  it('abortSignal: the sends in flight are aborted (fetch, and a mailer that cannot be) and their rows given back, not counted as failed tries', async () => {
    receiver.delayMs = 4_000;
    const messageIds = await queueMessages(3);
    const eventIds = await queueEvents(3);
    const arrived = receiver.arrived;
    let mails = 0;
    const slowMailer = () => {
      mails += 1;
      return new Promise<void>((r) => setTimeout(r, 4_000));
    };
    const released = await counted('webhook', 'released');
    const stop = new AbortController();
    const abort = new AbortController();
    const ctx = worker(t.db, { concurrency: 3, stopSignal: stop.signal, abortSignal: abort.signal, mailer: slowMailer });

    const passes = Promise.all([deliverOutboxMessages(ctx), deliverWebhooks(ctx)]);
    // Two notify messages (SMS, WeChat) and three events at the receiver, one e-mail at the mailer.
    await until(() => receiver.arrived - arrived === 5 && mails === 1);
    stop.abort();
    const abortedAt = performance.now();
    abort.abort();
    const [outbox, webhooks] = await passes;

    expect(performance.now() - abortedAt).toBeLessThan(1_000);
    expect(outbox).toMatchObject({ claimed: 3, sent: 0, retried: 0, released: 3 });
    expect(webhooks).toMatchObject({ claimed: 3, delivered: 0, retried: 0, released: 3 });
    for (const r of [...(await messagesOf(messageIds)), ...(await eventsOf(eventIds))]) {
      expect(r).toMatchObject({ status: 'pending', attempts: 0, leasedUntil: null, leaseToken: null, lastError: null });
    }
    expect((await counted('webhook', 'released')) - released).toBe(3);
    await retire(messageIds, eventIds);
  });

  it('a lease taken over while the send ran: the row is left to its new owner, not marked', async () => {
    receiver.delayMs = 500;
    const [id] = await queueEvents(1);
    const arrived = receiver.arrived;
    const lost = await counted('webhook', 'lease_lost');

    const pass = deliverWebhooks(worker(t.db));
    await until(() => receiver.arrived - arrived === 1);
    // What another worker's claim does once a lease has lapsed.
    await t.db.update(webhookDeliveries).set({ leaseToken: randomUUID() }).where(eq(webhookDeliveries.id, id!));

    expect(await pass).toMatchObject({ claimed: 1, delivered: 0, leaseLost: 1 });
    const [row] = await eventsOf([id!]);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, deliveredAt: null });
    expect(row!.leaseToken).not.toBeNull();
    expect((await counted('webhook', 'lease_lost')) - lost).toBe(1);
    await retire([], [id!]);
  });
});

/** Takes a test's left-over rows out of the way of the next test's passes. */
async function retire(messageIds: string[], eventIds: string[]) {
  if (messageIds.length) await t.db.update(outboxMessages).set({ status: 'failed' }).where(inArray(outboxMessages.id, messageIds));
  if (eventIds.length) await t.db.update(webhookDeliveries).set({ status: 'failed' }).where(inArray(webhookDeliveries.id, eventIds));
}
