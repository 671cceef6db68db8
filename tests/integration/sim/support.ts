import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { setDatabase } from '@/db/client';
import { databaseClock } from '@/lib/clock';
import { resetEnvCache } from '@/lib/env';
import { type FetchLike } from '@/lib/simulators/callbacks';
import { type Channel, channelSecret } from '@/lib/simulators/secrets';
import type { World } from '@/lib/simulators/world';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

/**
 * Helpers of the simulator tests: a database of the file's own made the app's database
 * (route handlers are called directly with `new Request(…)`), and a recorder that plays
 * the product's callback endpoint.
 */

export function setUpSimDatabase() {
  const state: { t?: TestDatabase } = {};
  beforeAll(async () => {
    state.t = await createTestDatabase();
    setDatabase(state.t);
  });
  afterAll(async () => {
    await state.t?.close();
  });
  return {
    get db() {
      return state.t!.db;
    },
    get kind() {
      return state.t!.kind;
    },
    /** The world as the route handlers see it: the database and its shared clock. */
    get world(): World {
      return { db: state.t!.db, clock: databaseClock(state.t!.db) };
    },
  };
}

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

export interface CallResult {
  status: number;
  json: unknown;
  body: Buffer;
  headers: Headers;
}

/** Calls a route handler as Next would. */
export async function call<P extends Record<string, string>>(
  handler: Handler<P>,
  options: { method?: string; path?: string; body?: unknown; headers?: Record<string, string>; params?: P } = {},
): Promise<CallResult> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const req = new Request(`http://localhost:3000${options.path ?? '/api/sim/test'}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    body,
  });
  const res = await handler(req, { params: Promise.resolve((options.params ?? {}) as P) });
  const buffer = Buffer.from(await res.arrayBuffer());
  let json: unknown;
  try {
    json = JSON.parse(buffer.toString('utf8'));
  } catch {
    json = undefined;
  }
  return { status: res.status, json, body: buffer, headers: res.headers };
}

/** The headers the product sends a provider: its bearer secret and a fresh idempotency key. */
export function providerHeaders(channel: Channel, key: string = randomUUID()): Record<string, string> {
  return { authorization: `Bearer ${channelSecret(channel)}`, 'idempotency-key': key };
}

/** Runs `fn` with simulators switched off (SIMULATORS_ENABLED=false), then restores the environment. */
export async function withSimulatorsDisabled<T>(fn: () => Promise<T>): Promise<T> {
  const before = process.env.SIMULATORS_ENABLED;
  process.env.SIMULATORS_ENABLED = 'false';
  resetEnvCache();
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.SIMULATORS_ENABLED;
    else process.env.SIMULATORS_ENABLED = before;
    resetEnvCache();
  }
}

export interface Received {
  url: string;
  headers: Record<string, string>;
  body: string;
  event: { type: string; data: Record<string, unknown> };
}

/** A fake product endpoint: records every callback and answers `status` (200 unless told). */
export function callbackRecorder(answer: (r: Received) => number = () => 200) {
  const received: Received[] = [];
  const fetch: FetchLike = async (url, init) => {
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = String(init.body);
    const r = { url, headers, body, event: JSON.parse(body) as Received['event'] };
    received.push(r);
    return new Response(null, { status: answer(r) });
  };
  return { fetch, received };
}

/** A bank account number nobody else in the test database uses. */
export function uniqueAccountNumber(): string {
  return `62${Date.now().toString().slice(-8)}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}
