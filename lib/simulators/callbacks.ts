import { createHmac } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lte, lt, or, sql } from 'drizzle-orm';
import { newId } from './ids';
import { callbackDeliveries } from './schema';
import { type Channel, channelSecret, secretKeyBytes } from './secrets';
import type { Executor, World } from './world';

/**
 * The providers' callback sender (docs/channel-protocol.md § Channel → product):
 * every event is written to `sim.callback_deliveries` in the transaction of the change
 * it reports, then sent signed per Standard Webhooks, retried on any non-2xx answer
 * after 1 s, 5 s, 30 s, 2 min and 10 min (world time), then given up and recorded.
 */

/** Waits after the 1st, 2nd … failed attempt; after the last one the sender gives up. */
export const RETRY_DELAYS_SECONDS = [1, 5, 30, 120, 600] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
/** The product must answer quickly (SPEC §11); a slower answer counts as a failure. */
export const DELIVERY_TIMEOUT_MS = 5_000;
/** Real time a worker owns a claimed row while sending; longer than the timeout, so a crashed worker's rows come back. */
const LEASE_SECONDS = 60;

export interface CallbackEvent {
  channel: Channel;
  url: string;
  type: string;
  data: Record<string, unknown>;
}

/** Records an event to send; call it inside the transaction of the change it reports. */
export async function enqueueCallback(tx: Executor, event: CallbackEvent, now: Date): Promise<string> {
  const id = newId('msg');
  await tx.insert(callbackDeliveries).values({
    id,
    channel: event.channel,
    url: event.url,
    type: event.type,
    body: JSON.stringify({ type: event.type, data: event.data }),
    status: 'pending',
    nextAttemptAt: now,
    createdAt: now,
  });
  return id;
}

/** Standard Webhooks headers: `v1,` + base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}"). */
export function signCallback(secret: string, id: string, timestampSeconds: number, body: string): Record<string, string> {
  const signature = createHmac('sha256', secretKeyBytes(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': `v1,${signature}`,
  };
}

/** Seconds to wait after `attemptsMade` failed attempts, or null when the sender gives up. */
export function retryDelaySeconds(attemptsMade: number): number | null {
  return RETRY_DELAYS_SECONDS[attemptsMade - 1] ?? null;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface DeliveryReport {
  attempted: number;
  delivered: number;
  retrying: number;
  gaveUp: number;
}

type Claimed = typeof callbackDeliveries.$inferSelect;

/**
 * Claims the due rows with `FOR UPDATE SKIP LOCKED` and a lease, in a short
 * transaction of its own: no transaction stays open during HTTP (the product's handler
 * may need the same database — on PGlite it would wait for us forever), and a second
 * worker skips what the first one holds, so no callback is sent twice at once.
 */
async function claimDue(world: World, now: Date, limit: number): Promise<Claimed[]> {
  return world.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(callbackDeliveries)
      .where(
        and(
          eq(callbackDeliveries.status, 'pending'),
          lte(callbackDeliveries.nextAttemptAt, now),
          or(isNull(callbackDeliveries.leasedUntil), lt(callbackDeliveries.leasedUntil, sql`now()`)),
        ),
      )
      .orderBy(asc(callbackDeliveries.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return [];
    await tx
      .update(callbackDeliveries)
      .set({
        attempts: sql`${callbackDeliveries.attempts} + 1`,
        leasedUntil: sql`now() + ${sql.raw(`interval '${LEASE_SECONDS} seconds'`)}`,
      })
      .where(
        inArray(
          callbackDeliveries.id,
          rows.map((r) => r.id),
        ),
      );
    return rows.map((r) => ({ ...r, attempts: r.attempts + 1 }));
  });
}

async function send(row: Claimed, world: World, fetchFn: FetchLike, timeoutMs: number): Promise<{ status?: number; error?: string }> {
  const timestamp = Math.floor((await world.clock.now()).getTime() / 1000);
  const headers = signCallback(channelSecret(row.channel as Channel), row.id, timestamp, row.body);
  try {
    const response = await fetchFn(row.url, {
      method: 'POST',
      headers,
      body: row.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => {}); // the answer's body means nothing to us; free the socket
    return response.status >= 200 && response.status < 300 ? { status: response.status } : { status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'unknown error' };
  }
}

async function recordOutcome(world: World, row: Claimed, attemptAt: Date, outcome: { status?: number; error?: string }, report: DeliveryReport) {
  const base = { leasedUntil: null, lastStatus: outcome.status ?? null, lastError: outcome.error ?? null };
  if (!outcome.error) {
    report.delivered += 1;
    await world.db
      .update(callbackDeliveries)
      .set({ ...base, status: 'delivered', deliveredAt: await world.clock.now() })
      .where(eq(callbackDeliveries.id, row.id));
    return;
  }
  const delay = retryDelaySeconds(row.attempts);
  if (delay === null) {
    report.gaveUp += 1;
    console.warn(`[sim callbacks] gave up on ${row.type} ${row.id} after ${row.attempts} attempts: ${outcome.error}`);
    await world.db.update(callbackDeliveries).set({ ...base, status: 'failed' }).where(eq(callbackDeliveries.id, row.id));
    return;
  }
  report.retrying += 1;
  await world.db
    .update(callbackDeliveries)
    .set({ ...base, nextAttemptAt: new Date(attemptAt.getTime() + delay * 1000) })
    .where(eq(callbackDeliveries.id, row.id));
}

/**
 * Sends every callback that is due (by the world's clock) once. Any number of
 * workers may call this at the same time. `fetch` is injectable so that tests see
 * exactly what would go over the wire.
 */
export async function deliverDueCallbacks(
  world: World,
  options: { fetch?: FetchLike; limit?: number; timeoutMs?: number } = {},
): Promise<DeliveryReport> {
  const fetchFn = options.fetch ?? ((url, init) => fetch(url, init));
  const report: DeliveryReport = { attempted: 0, delivered: 0, retrying: 0, gaveUp: 0 };
  const now = await world.clock.now();
  const rows = await claimDue(world, now, options.limit ?? 20);
  report.attempted = rows.length;
  await Promise.all(
    rows.map(async (row) => recordOutcome(world, row, now, await send(row, world, fetchFn, options.timeoutMs ?? DELIVERY_TIMEOUT_MS), report)),
  );
  return report;
}
