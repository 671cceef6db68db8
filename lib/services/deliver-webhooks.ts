import { claimDueWebhookDeliveries, findWebhookEndpoint, markWebhookDelivered, markWebhookRetry } from '@/db/queries/outbox';
import type { WebhookDeliveryRow } from '@/db/schema';
import { webhookFetch } from '@/lib/channels/webhook-fetch';
import { signWebhook } from '@/lib/channels/webhook-verify';
import { MAX_DELIVERY_ATTEMPTS, retryDelaySeconds } from '@/lib/domain/notifications';
import { env } from '@/lib/env';
import { decryptField } from '@/lib/security/crypto';
import type { OutboxContext } from './deliver-outbox-messages';

export const WEBHOOK_SECRET_CONTEXT = 'webhook_endpoint.secret';
const BATCH = 20;
const LEASE_SECONDS = 60;
const TIMEOUT_MS = 5_000;

/**
 * One pass of the integrators' webhook worker (SPEC §13): claims due deliveries (leased,
 * SKIP LOCKED), POSTs each signed per Standard Webhooks with the account's current
 * secret — a fresh timestamp per try, the same `webhook-id` — and marks it delivered on a
 * 2xx answer, otherwise tries again with backoff (5 s, 30 s, 2 min …, 8 tries).
 */
export async function deliverWebhooks(ctx: OutboxContext): Promise<{ delivered: number; retried: number }> {
  const now = await ctx.clock.now();
  const claimed = await claimDueWebhookDeliveries(ctx.db, { now, limit: BATCH, leaseSeconds: ctx.leaseSeconds ?? LEASE_SECONDS });
  let delivered = 0;
  let retried = 0;
  for (const row of claimed) {
    const outcome = await post(ctx, row);
    const at = await ctx.clock.now();
    if (outcome.ok) {
      await markWebhookDelivered(ctx.db, row.id, { status: outcome.status, now: at });
      delivered += 1;
    } else {
      await markWebhookRetry(ctx.db, row.id, {
        nextAttemptAt: new Date(at.getTime() + retryDelaySeconds(row.attempts) * 1000),
        status: outcome.status,
        error: outcome.error,
        final: row.attempts >= MAX_DELIVERY_ATTEMPTS,
      });
      retried += 1;
    }
  }
  return { delivered, retried };
}

async function post(ctx: OutboxContext, row: WebhookDeliveryRow): Promise<{ ok: true; status: number } | { ok: false; status: number | null; error: string }> {
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
      signal: AbortSignal.timeout(ctx.channelTransport?.timeoutMs ?? TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.status >= 200 && response.status < 300 ? { ok: true, status: response.status } : { ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, status: null, error: error instanceof Error ? error.name : 'unknown' };
  }
}
