import type { DeliveryLease } from '@/db/queries/outbox';
import { MAX_DELIVERY_ATTEMPTS, retryDelaySeconds } from '@/lib/domain/notifications';
import { env } from '@/lib/env';
import { errorKind, log } from '@/lib/ops/log';
import { metrics } from '@/lib/ops/metrics';
import type { ServiceContext } from '../context';

export type DeliveryChannel = 'email' | 'sms' | 'wechat' | 'webhook';
export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'lease_lost' | 'released';

/** What one try of a row came to: the receiver took it, or why not (no personal data, no URL). */
export type SendResult =
  | { ok: true; status?: number }
  /** `final`: the receiver may have acted, or will never accept it — no further try. */
  | { ok: false; status?: number | null; error: string; final?: boolean };

/** The delivery workers' context (outbox and webhooks). */
export type DeliveryContext = ServiceContext & {
  /** How long a claimed row belongs to this worker (real seconds); the heartbeat renews it every third of it. */
  leaseSeconds?: number;
  /** Sends running at once; default DELIVERY_CONCURRENCY. */
  concurrency?: number;
  /** Shutdown began: claim nothing more, give back the claimed rows not yet started. */
  stopSignal?: AbortSignal;
  /** The grace period is over: abort the sends in flight and give their rows back. */
  abortSignal?: AbortSignal;
};

/** One kind of delivery: how its rows are claimed, sent and marked. */
export interface DeliveryKind<R extends DeliveryLease & { attempts: number }> {
  claim(limit: number, leaseSeconds: number): Promise<R[]>;
  extend(leaseToken: string, leaseSeconds: number): Promise<string[]>;
  channel(row: R): DeliveryChannel;
  send(row: R, signal: AbortSignal | undefined): Promise<SendResult>;
  markDone(row: R, result: { status?: number }, now: Date): Promise<boolean>;
  markRetry(row: R, result: { status?: number | null; error: string }, next: { nextAttemptAt: Date; final: boolean }): Promise<boolean>;
  release(row: R): Promise<boolean>;
}

export type DeliveryCounts = Record<DeliveryOutcome, number> & { claimed: number };

const BATCH = 20;
const LEASE_SECONDS = 60;
// A pass goes on claiming while it finds full batches, for this long at most: the tick's
// other jobs wait for it no longer than that (the worker runs its jobs one after another).
const PASS_MS = 30_000;

/**
 * One pass of a delivery worker (docs/decisions/0011, 0022): claims a batch, sends it
 * with bounded concurrency while a heartbeat renews the leases, and marks each row under
 * its claim's lease token — a row whose lease was lost is left to its new owner. While
 * the claims come back full, the next batch is claimed before the slots run dry (up to
 * PASS_MS), so a backlog is sent at `concurrency` sends at a time rather than one batch
 * per tick. On shutdown the rows not yet started, and (after the grace period) the
 * aborted ones, are given back with their try uncounted.
 */
export async function deliverLeasedBatch<R extends DeliveryLease & { attempts: number }>(ctx: DeliveryContext, kind: DeliveryKind<R>): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { claimed: 0, sent: 0, retry: 0, failed: 0, lease_lost: 0, released: 0 };
  const stopping = () => Boolean(ctx.stopSignal?.aborted || ctx.abortSignal?.aborted);
  if (stopping()) return counts;

  const leaseSeconds = ctx.leaseSeconds ?? LEASE_SECONDS;
  const concurrency = ctx.concurrency ?? env().DELIVERY_CONCURRENCY;
  // Never fewer rows than slots; rows that take longer than the lease are kept by the heartbeat.
  const limit = Math.max(BATCH, concurrency);
  // performance.now(), not the product clock: a budget of real running time, like the job runner's.
  const passEnds = performance.now() + PASS_MS;

  const queue: R[] = [];
  // Per claim (lease token): its rows not yet done, and the ids its last heartbeat still held.
  const open = new Map<string, number>();
  const held = new Map<string, Set<string>>();
  let more = false;
  const claim = async () => {
    const rows = await kind.claim(limit, leaseSeconds);
    counts.claimed += rows.length;
    more = rows.length === limit && performance.now() < passEnds;
    if (rows.length > 0) open.set(rows[0]!.leaseToken, rows.length);
    queue.push(...rows);
  };
  await claim();
  if (queue.length === 0) return counts;

  const count = (row: R, outcome: DeliveryOutcome) => {
    counts[outcome] += 1;
    metrics.deliveries.inc({ channel: kind.channel(row), outcome });
  };
  const leaseLost = (row: R) => {
    count(row, 'lease_lost');
    log.warn({ event: 'delivery.lease_lost', channel: kind.channel(row), attempts: row.attempts }, 'delivery lease lost: left to its new owner');
  };
  const finished = (row: R) => {
    const left = (open.get(row.leaseToken) ?? 1) - 1;
    if (left > 0) return void open.set(row.leaseToken, left);
    open.delete(row.leaseToken);
    held.delete(row.leaseToken);
  };

  let beating: Promise<unknown> = Promise.resolve();
  const heartbeat = setInterval(() => {
    beating = Promise.all(
      [...open.keys()].map((token) =>
        kind.extend(token, leaseSeconds).then(
          (ids) => void held.set(token, new Set(ids)),
          (error: unknown) => log.warn({ event: 'delivery.heartbeat_failed', ...errorKind(error) }, 'delivery lease not extended'),
        ),
      ),
    );
  }, (leaseSeconds * 1000) / 3);

  // One promise for every send in flight: the grace period's end settles them at once,
  // even a send (SMTP) that cannot take the signal itself.
  let onAbort = () => {};
  const aborted = new Promise<SendResult>((resolve) => (onAbort = () => resolve({ ok: false, error: 'aborted' })));
  ctx.abortSignal?.addEventListener('abort', onAbort, { once: true });

  /** The send; undefined when the row's lease was taken over first (then it is not sent). */
  const send = async (row: R): Promise<SendResult | undefined> => {
    // A row missing from its claim's last heartbeat was taken over: not sent.
    if (held.get(row.leaseToken)?.has(row.id) === false) {
      leaseLost(row);
      return undefined;
    }
    try {
      return await Promise.race([kind.send(row, ctx.abortSignal), aborted]);
    } catch (error) {
      return { ok: false, error: errorKind(error).error };
    }
  };
  const record = async (row: R, result: SendResult) => {
    if (!result.ok && ctx.abortSignal?.aborted) {
      return (await kind.release(row)) ? count(row, 'released') : leaseLost(row);
    }
    const now = await ctx.clock.now();
    if (result.ok) {
      return (await kind.markDone(row, result, now)) ? count(row, 'sent') : leaseLost(row);
    }
    const final = result.final === true || row.attempts >= MAX_DELIVERY_ATTEMPTS;
    const next = { nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(row.attempts) * 1000), final };
    if (!(await kind.markRetry(row, result, next))) return leaseLost(row);
    count(row, final ? 'failed' : 'retry');
    log.warn({ event: 'delivery.retry', channel: kind.channel(row), attempts: row.attempts, error: result.error, final }, final ? 'delivery failed for good' : 'delivery failed; retry scheduled');
  };

  let firstError: unknown;
  let claiming: Promise<void> | undefined;
  const refill = () => {
    if (claiming || !more || stopping()) return;
    more = false;
    claiming = claim()
      .catch((error: unknown) => {
        firstError ??= error;
      })
      .finally(() => (claiming = undefined));
  };
  const lane = async () => {
    while (!stopping()) {
      const row = queue.shift();
      if (!row) {
        // Only a lane with nothing left to send claims more (the others still send): a worker
        // holds no more rows than it can start soon (two workers share a backlog).
        refill();
        if (!claiming) return;
        await claiming;
        continue;
      }
      try {
        const result = await send(row);
        if (result) await record(row, result);
      } catch (error) {
        // A database error while marking: the row's lease lapses and it is tried again.
        firstError ??= error;
        log.error({ event: 'delivery.error', channel: kind.channel(row), ...errorKind(error) }, 'delivery not recorded');
      } finally {
        finished(row);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, lane));
    await claiming;
    for (const row of queue.splice(0)) {
      if (await kind.release(row)) count(row, 'released');
      else leaseLost(row);
    }
  } finally {
    clearInterval(heartbeat);
    ctx.abortSignal?.removeEventListener('abort', onAbort);
    await beating;
  }
  if (counts.released > 0) log.info({ event: 'delivery.released', released: counts.released }, 'shutting down: claimed deliveries given back');
  if (firstError !== undefined) throw firstError;
  return counts;
}
