import { createHmac, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { rowsOf, setDatabase, type Db } from '@/db/client';
import { auditLog, channelEvents, channelSessions } from '@/db/schema';
import { POST } from '@/app/api/callbacks/[channel]/route';
import { databaseClock } from '@/lib/clock';
import type { SessionChannel } from '@/lib/domain/channel-session';
import { openChannelSession, type OpenChannelSessionInput } from '@/lib/features/channels/open-channel-session';
import { channelEventsApplied } from '@/lib/features/channels/record-channel-event';
import type { ChannelServiceContext } from '@/lib/features/channels/send-channel-request';
import { createTestDatabase, TEST_NOW, type TestDatabase } from '../support/test-db';

/**
 * The product clock in these tests is the real one (databaseClock, as the route
 * handler uses), with the machine's Date frozen at TEST_NOW: both sides of a callback
 * then agree on "now" to the millisecond, and a test moves time explicitly.
 */
export function freezeTime(at: string | Date = TEST_NOW) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(at));
}

export function moveTime(ms: number) {
  vi.setSystemTime(new Date(Date.now() + ms));
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** A test database that is also the application's database (the route handler reads it). */
export async function channelTestDatabase(): Promise<TestDatabase> {
  const t = await createTestDatabase();
  setDatabase({ db: t.db, kind: t.kind, close: t.close });
  return t;
}

/**
 * The usual opening of a channel test file: time frozen and a channel test database for
 * the whole file, released afterwards. Read `.db` inside tests (it is set in beforeAll).
 */
export function channelTestFile(): TestDatabase {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    freezeTime();
    t = await channelTestDatabase();
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t?.close();
  });
  const current = () => {
    if (!t) throw new Error('the channel test database is opened in beforeAll');
    return t;
  };
  return {
    get db() {
      return current().db;
    },
    get kind() {
      return current().kind;
    },
    get url() {
      return current().url;
    },
    close: () => current().close(),
  };
}

/** What a test file on the channels works on: its database, and the fake channels of the running test. */
export interface ChannelTestBed<C extends { fetch: typeof globalThis.fetch }> {
  readonly db: Db;
  readonly kind: TestDatabase['kind'];
  readonly url: TestDatabase['url'];
  readonly channels: C;
  /** A service context on the database that reaches the fake channels. */
  ctx: () => ChannelServiceContext;
}

/**
 * The usual opening of a test file whose tests each talk to fresh fake channels: a channel
 * test database for the whole file; before each test the clock frozen at `at` and the
 * channels `fake` makes, real timers again after it. Read `db` and `channels` inside tests only.
 */
export function channelTestBed<C extends { fetch: typeof globalThis.fetch }>(fake: () => C, at: string): ChannelTestBed<C> {
  let t: TestDatabase | undefined;
  let channels: C | undefined;
  beforeAll(async () => {
    t = await channelTestDatabase();
  });
  afterAll(async () => t?.close());
  beforeEach(() => {
    freezeTime(at);
    channels = fake();
  });
  afterEach(() => vi.useRealTimers());
  const database = () => {
    if (!t) throw new Error('the channel test database is opened in beforeAll');
    return t;
  };
  const bed: ChannelTestBed<C> = {
    get db() {
      return database().db;
    },
    get kind() {
      return database().kind;
    },
    get url() {
      return database().url;
    },
    get channels() {
      if (!channels) throw new Error('the fake channels are made in beforeEach');
      return channels;
    },
    ctx: () => serviceContext(bed.db, bed.channels.fetch),
  };
  return bed;
}

export function serviceContext(db: Db, fetch?: typeof globalThis.fetch, timeoutMs?: number): ChannelServiceContext {
  return { db, clock: databaseClock(db), channelTransport: fetch ? { fetch, timeoutMs } : undefined };
}

// ---- signing, independently of lib/channels (node:crypto, as docs/channel-protocol.md says) ----

/** whsec_ + base64(HMAC-SHA256(NEXTAUTH_SECRET, "channel-secret:" + channel)). */
export function derivedSecret(channel: string): string {
  return `whsec_${createHmac('sha256', process.env.NEXTAUTH_SECRET!).update(`channel-secret:${channel}`).digest('base64')}`;
}

export function signature(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export interface Delivery {
  id: string;
  timestamp: string;
  body: string;
  headers: Record<string, string>;
}

/** A callback signed with `channel`'s secret (or `signWith`'s), timestamped now unless told. */
export function signedDelivery(
  channel: string,
  event: { type: string; data?: Record<string, unknown> },
  options: { id?: string; timestamp?: string; signWith?: string } = {},
): Delivery {
  const id = options.id ?? `msg_${randomUUID()}`;
  const timestamp = options.timestamp ?? String(nowSeconds());
  const body = JSON.stringify(event);
  const sig = signature(derivedSecret(options.signWith ?? channel), id, timestamp, body);
  return { id, timestamp, body, headers: { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': sig } };
}

/**
 * Calls the route handler as Next.js would, then waits until the event is applied: the
 * reply comes once the event is stored (docs/decisions/0035), and the tests read its effect.
 */
export async function deliver(channel: string, delivery: { body: string; headers: Record<string, string | undefined> }): Promise<Response> {
  const headers = new Headers({ 'content-type': 'application/json' });
  for (const [k, v] of Object.entries(delivery.headers)) if (v !== undefined) headers.set(k, v);
  const req = new Request(`http://localhost:3000/api/callbacks/${channel}`, { method: 'POST', headers, body: delivery.body });
  const response = await POST(req, { params: Promise.resolve({ channel }) });
  await channelEventsApplied();
  return response;
}

// ---- a fake provider: answers session opens like the protocol says, repeats answers per key ----

export interface FakeProvider {
  fetch: typeof globalThis.fetch;
  /** Every request received, in order. */
  calls: { url: string; method: string; headers: Headers; body: Record<string, unknown> | null }[];
  /** Sessions actually created (effects), by idempotency key. */
  created: Map<string, { sessionId: string; body: Record<string, unknown> }>;
  /** Replaces the next answers (after the effect, when `afterEffect`). */
  script: ((call: { key: string | null; created: boolean }) => Response | Promise<Response> | 'default')[];
}

export function fakeProvider(): FakeProvider {
  const provider: FakeProvider = {
    calls: [],
    created: new Map(),
    script: [],
    fetch: async (input, init) => {
      const url = String(input);
      const headers = new Headers(init?.headers);
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null;
      provider.calls.push({ url, method: init?.method ?? 'GET', headers, body });
      const key = headers.get('idempotency-key');
      let created = false;
      if (key && !provider.created.has(key)) {
        provider.created.set(key, { sessionId: `ext_${randomUUID()}`, body: body ?? {} });
        created = true;
      }
      const step = provider.script.shift();
      if (step) {
        const answer = await step({ key, created });
        if (answer !== 'default') return answer;
      }
      const session = key ? provider.created.get(key)! : { sessionId: `ext_${randomUUID()}` };
      const channel = url.split('/providers/')[1]?.split('/')[0] ?? 'wechat';
      return Response.json(
        {
          sessionId: session.sessionId,
          scanUrl: `http://localhost:3000/sim/${channel}/s/${session.sessionId}`,
          // The answer for a key is fixed at its first call, like a real provider's replay.
          expiresAt: new Date(firstCallTime(provider, key) + 5 * 60_000).toISOString(),
        },
        { status: 201 },
      );
    },
  };
  return provider;
}

const firstCalls = new WeakMap<FakeProvider, Map<string, number>>();
function firstCallTime(provider: FakeProvider, key: string | null): number {
  if (!key) return Date.now();
  let map = firstCalls.get(provider);
  if (!map) firstCalls.set(provider, (map = new Map()));
  if (!map.has(key)) map.set(key, Date.now());
  return map.get(key)!;
}

/** A fetch that never answers until its signal aborts (a stalled channel). */
export const stalledFetch: typeof globalThis.fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
  });

// ---- fixtures ----

let referenceCount = 0;
export function freshReference(): string {
  referenceCount += 1;
  return `ver_${referenceCount}_${randomUUID().slice(0, 8)}`;
}

export function personalInput(channel: 'wechat' | 'qq' = 'wechat', reference = freshReference()): OpenChannelSessionInput {
  return { channel, purpose: 'personal_verification', reference, expectedName: '张三', idType: 'resident_id', idNumber: '11010519491231002X' };
}

export function inputFor(channel: SessionChannel, reference = freshReference()): OpenChannelSessionInput {
  if (channel === 'wechat' || channel === 'qq') return personalInput(channel, reference);
  if (channel === 'face') return { channel, purpose: 'personal_verification', reference, expectedName: '张三', idNumber: '11010519491231002X' };
  return { channel, purpose: 'enterprise_verification', reference };
}

/** An open session made through the product side, with a fake provider. */
export async function openSession(db: Db, channel: SessionChannel = 'wechat') {
  const provider = fakeProvider();
  const session = await openChannelSession(serviceContext(db, provider.fetch), inputFor(channel));
  const [row] = await db.select().from(channelSessions).where(eq(channelSessions.id, session.id));
  return row!;
}

export async function sessionRow(db: Db, id: string) {
  const [row] = await db.select().from(channelSessions).where(eq(channelSessions.id, id));
  return row!;
}

export async function eventRows(db: Db, channel: string) {
  return db.select().from(channelEvents).where(eq(channelEvents.channel, channel as 'wechat'));
}

export async function auditRows(db: Db, action: string, target?: string) {
  return db
    .select()
    .from(auditLog)
    .where(target ? and(eq(auditLog.action, action), eq(auditLog.target, target)) : eq(auditLog.action, action));
}

export async function countRows(db: Db, table: 'channel_events' | 'channel_sessions' | 'audit_log' | 'channel_requests'): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from ${table}`)));
  return Number(row!.n);
}

export function completed(session: { externalSessionId: string; reference: string }, result = 'matched', extra: Record<string, unknown> = {}) {
  return { type: 'auth_session.completed', data: { sessionId: session.externalSessionId, reference: session.reference, result, ...extra } };
}

export function expired(session: { externalSessionId: string; reference: string }) {
  return { type: 'auth_session.expired', data: { sessionId: session.externalSessionId, reference: session.reference } };
}
