import { WEBHOOK_SECRET_CONTEXT } from '@/db/schema';
import { claimDueWebhookDeliveries, extendWebhookLeases, findWebhookEndpoint, markWebhookDelivered, markWebhookRetry, releaseWebhookDelivery } from '@/db/queries/outbox';
import type { WebhookDeliveryRow } from '@/db/schema';
import { CHANNEL_TIMEOUT_MS, withTimeout } from '@/lib/channels/http-client';
import { webhookFetch } from '@/lib/channels/webhook-fetch';
import { signWebhook } from '@/lib/channels/webhook-verify';
import { env } from '@/lib/env';
import { decryptField } from '@/lib/security/crypto';
import { deliverLeasedBatch, type SendResult } from './deliver-leased-batch';
import type { OutboxContext } from './deliver-outbox-messages';


/**
 * One pass of the integrators' webhook worker (SPEC §13): claims due deliveries (leased,
 * SKIP LOCKED), POSTs them signed per Standard Webhooks with the account's current
 * secret — a fresh timestamp per try, the same `webhook-id` — and marks each delivered on
 * a 2xx answer, otherwise tries again with backoff (5 s, 30 s, 2 min …, 8 tries). Leases,
 * concurrency and shutdown as for the outbox (deliverLeasedBatch).
 */
export async function deliverWebhooks(ctx: OutboxContext) {
  const counts = await deliverLeasedBatch(ctx, {
    claim: async (limit, leaseSeconds) => claimDueWebhookDeliveries(ctx.db, { now: await ctx.clock.now(), limit, leaseSeconds }),
    extend: (token, leaseSeconds) => extendWebhookLeases(ctx.db, token, leaseSeconds),
    channel: () => 'webhook',
    send: (row, signal) => post(ctx, row, signal),
    markDone: (row, result, now) => markWebhookDelivered(ctx.db, row, { status: result.status ?? 200, now }),
    markRetry: (row, result, next) => markWebhookRetry(ctx.db, row, { ...next, status: result.status ?? null, error: result.error }),
    release: (row) => releaseWebhookDelivery(ctx.db, row),
  });
  return { claimed: counts.claimed, delivered: counts.sent, retried: counts.retry + counts.failed, released: counts.released, leaseLost: counts.lease_lost };
}

async function post(ctx: OutboxContext, row: WebhookDeliveryRow, signal: AbortSignal | undefined): Promise<SendResult> {
  const endpoint = await findWebhookEndpoint(ctx.db, row.accountId);
  if (!endpoint) return { ok: false, status: null, error: 'endpoint removed' };
  const body = JSON.stringify({ type: row.type, timestamp: row.createdAt.toISOString(), data: row.data });
  const headers = signWebhook({
    secret: decryptField(endpoint.secretEnc, WEBHOOK_SECRET_CONTEXT),
    id: row.id,
    timestampSeconds: Math.floor((await ctx.clock.now()).getTime() / 1000),
    body,
  });
  // SSRF: by default only to addresses checked at connect time (issue 16); tests pass their own fetch.
  const fetchImpl = ctx.channelTransport?.fetch ?? webhookFetch({ allowPrivate: env().WEBHOOKS_ALLOW_PRIVATE });
  try {
    const response = await fetchImpl(row.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'realname-console-webhooks/1', ...headers },
      body,
      redirect: 'manual',
      signal: withTimeout(ctx.channelTransport?.timeoutMs ?? CHANNEL_TIMEOUT_MS, signal),
    });
    await response.body?.cancel();
    return response.status >= 200 && response.status < 300 ? { ok: true, status: response.status } : { ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, status: null, error: error instanceof Error ? error.name : 'unknown' };
  }
}
