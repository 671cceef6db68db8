import type { DeliveryLease } from '@/db/queries/outbox';
import { MAX_DELIVERY_ATTEMPTS, retryDelaySeconds } from '@/lib/domain/notifications';
import { env } from '@/lib/env';
import { errorKind, log } from '@/lib/ops/log';
import { metrics } from '@/lib/ops/metrics';
import type { ServiceContext } from './context';

export type DeliveryChannel = 'email' | 'sms' | 'wechat' | 'webhook';
export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'lease_lost' | 'released';

/** What one try of a row came to: the receiver took it, or why not (no personal data, no URL). */
export type SendResult = { ok: true; status?: number } | { ok: false; status?: number | null; error: string };

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

/**
 * One pass of a delivery worker (docs/decisions/0011): claims a batch, sends it with
 * bounded concurrency while a heartbeat renews the batch's lease, and marks each row
 * under the claim's lease token — a row whose lease was lost is left to its new owner.
 * On shutdown the rows not yet started, and (after the grace period) the aborted ones,
 * are given back with their try uncounted.
 */
export async function deliverLeasedBatch<R extends DeliveryLease & { attempts: number }>(ctx: DeliveryContext, kind: DeliveryKind<R>): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { claimed: 0, sent: 0, retry: 0, failed: 0, lease_lost: 0, released: 0 };
  const stopping = () => Boolean(ctx.stopSignal?.aborted || ctx.abortSignal?.aborted);
  if (stopping()) return counts;

  const leaseSeconds = ctx.leaseSeconds ?? LEASE_SECONDS;
  const concurrency = ctx.concurrency ?? env().DELIVERY_CONCURRENCY;
  // Never fewer rows than slots; a batch that takes longer than the lease is kept by the heartbeat.
  const rows = await kind.claim(Math.max(BATCH, concurrency), leaseSeconds);
  counts.claimed = rows.length;
  if (rows.length === 0) return counts;

  const count = (row: R, outcome: DeliveryOutcome) => {
    counts[outcome] += 1;
    metrics.deliveries.inc({ channel: kind.channel(row), outcome });
  };
  const leaseLost = (row: R) => {
    count(row, 'lease_lost');
    log.warn({ event: 'delivery.lease_lost', channel: kind.channel(row), attempts: row.attempts }, 'delivery lease lost: left to its new owner');
  };

  // The rows the last heartbeat still held; a row missing from it was taken over and is not sent.
  let held: Set<string> | undefined;
  let beating: Promise<void> = Promise.resolve();
  const heartbeat = setInterval(() => {
    beating = kind.extend(rows[0]!.leaseToken, leaseSeconds).then(
      (ids) => void (held = new Set(ids)),
      (error: unknown) => log.warn({ event: 'delivery.heartbeat_failed', ...errorKind(error) }, 'delivery lease not extended'),
    );
  }, (leaseSeconds * 1000) / 3);

  // One promise for every send in flight: the grace period's end settles them at once,
  // even a send (SMTP) that cannot take the signal itself.
  let onAbort = () => {};
  const aborted = new Promise<SendResult>((resolve) => (onAbort = () => resolve({ ok: false, error: 'aborted' })));
  ctx.abortSignal?.addEventListener('abort', onAbort, { once: true });

  const deliver = async (row: R) => {
    if (held && !held.has(row.id)) return leaseLost(row);
    let result: SendResult;
    try {
      result = await Promise.race([kind.send(row, ctx.abortSignal), aborted]);
    } catch (error) {
      result = { ok: false, error: errorKind(error).error };
    }
    if (!result.ok && ctx.abortSignal?.aborted) {
      return (await kind.release(row)) ? count(row, 'released') : leaseLost(row);
    }
    const now = await ctx.clock.now();
    if (result.ok) {
      return (await kind.markDone(row, result, now)) ? count(row, 'sent') : leaseLost(row);
    }
    const final = row.attempts >= MAX_DELIVERY_ATTEMPTS;
    const next = { nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(row.attempts) * 1000), final };
    if (!(await kind.markRetry(row, result, next))) return leaseLost(row);
    count(row, final ? 'failed' : 'retry');
    log.warn({ event: 'delivery.retry', channel: kind.channel(row), attempts: row.attempts, error: result.error, final }, final ? 'delivery failed for good' : 'delivery failed; retry scheduled');
  };

  let next = 0;
  let firstError: unknown;
  const lane = async () => {
    while (next < rows.length && !stopping()) {
      const row = rows[next++]!;
      try {
        await deliver(row);
      } catch (error) {
        // A database error while marking: the row's lease lapses and it is tried again.
        firstError ??= error;
        log.error({ event: 'delivery.error', channel: kind.channel(row), ...errorKind(error) }, 'delivery not recorded');
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, lane));
    for (const row of rows.slice(next)) {
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
