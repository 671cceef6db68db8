import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '@/lib/clock';

/** The HMAC key bytes of a Standard Webhooks secret: the base64 after `whsec_`. */
export function secretKeyBytes(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

/** SECURITY A2: a callback more than 300 s away from the product clock is refused. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;
// More signatures than any rotation needs is noise; cap the work an attacker can ask for.
const MAX_SIGNATURES = 8;
const MAX_ID_LENGTH = 255;

export type WebhookRejection = 'missing_header' | 'malformed_id' | 'malformed_timestamp' | 'stale_timestamp' | 'bad_signature';

export type WebhookVerdict = { ok: true; id: string; timestamp: number } | { ok: false; reason: WebhookRejection };

/** `v1,<base64 HMAC-SHA256(key, "{id}.{timestamp}.{rawBody}")>` per Standard Webhooks. */
function expectedSignature(key: Buffer, id: string, timestamp: string, rawBody: string): Buffer {
  return Buffer.from(`v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${rawBody}`).digest('base64')}`);
}

/**
 * Verifies a Standard Webhooks signature on the raw body, before anything parses it
 * (SECURITY A1–A2). `webhook-signature` is a space-separated list and any entry may
 * match, so a channel can rotate its key. Comparison is constant-time; `now` is the
 * product clock, so moving the clock moves the tolerance window with it.
 */
export function verifyWebhook(input: { secret: string; headers: Headers; rawBody: string; now: Date }): WebhookVerdict {
  const id = input.headers.get('webhook-id');
  const timestamp = input.headers.get('webhook-timestamp');
  const signatures = input.headers.get('webhook-signature');
  if (!id || !timestamp || !signatures) return { ok: false, reason: 'missing_header' };
  if (id.length > MAX_ID_LENGTH) return { ok: false, reason: 'malformed_id' };
  if (!/^\d{1,15}$/.test(timestamp)) return { ok: false, reason: 'malformed_timestamp' };

  const seconds = Number(timestamp);
  const nowSeconds = Math.floor(input.now.getTime() / 1000);
  if (Math.abs(nowSeconds - seconds) > WEBHOOK_TOLERANCE_SECONDS) return { ok: false, reason: 'stale_timestamp' };

  return signatureMatches(input.secret, { id, timestamp, signatures }, input.rawBody) ? { ok: true, id, timestamp: seconds } : { ok: false, reason: 'bad_signature' };
}

function signatureMatches(secret: string, h: { id: string; timestamp: string; signatures: string }, rawBody: string): boolean {
  const expected = expectedSignature(secretKeyBytes(secret), h.id, h.timestamp, rawBody);
  let matched = false;
  for (const candidate of h.signatures.split(' ').filter(Boolean).slice(0, MAX_SIGNATURES)) {
    const given = Buffer.from(candidate);
    // timingSafeEqual needs equal lengths; a length mismatch reveals nothing about the key.
    if (given.length === expected.length && timingSafeEqual(given, expected)) matched = true;
  }
  return matched;
}

/**
 * verifyWebhook on the product clock. A timestamp outside the window may only mean that
 * this process's cached clock is behind: another instance moved the clock (the
 * simulators' "jump 3 days") less than a cache period ago and signed on the moved time.
 * The clock is then read afresh and the callback verified once more before it is refused.
 */
export async function verifyWebhookOnClock(input: { secret: string; headers: Headers; rawBody: string; clock: Clock }): Promise<WebhookVerdict> {
  const { clock, ...rest } = input;
  const verdict = verifyWebhook({ ...rest, now: await clock.now() });
  if (verdict.ok || verdict.reason !== 'stale_timestamp' || !clock.freshNow) return verdict;
  // Only a correctly signed callback is worth the database read: anyone can send an old timestamp.
  const h = { id: rest.headers.get('webhook-id')!, timestamp: rest.headers.get('webhook-timestamp')!, signatures: rest.headers.get('webhook-signature')! };
  if (!signatureMatches(rest.secret, h, rest.rawBody)) return verdict;
  return verifyWebhook({ ...rest, now: await clock.freshNow() });
}

/** The Standard Webhooks headers of an event we send (integrators' endpoints, issue 9): verified by the same rule as above. */
export function signWebhook(input: { secret: string; id: string; timestampSeconds: number; body: string }): Record<string, string> {
  const timestamp = String(input.timestampSeconds);
  return {
    'webhook-id': input.id,
    'webhook-timestamp': timestamp,
    'webhook-signature': expectedSignature(secretKeyBytes(input.secret), input.id, timestamp, input.body).toString(),
  };
}
