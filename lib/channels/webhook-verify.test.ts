import { createHmac, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { verifyWebhook, verifyWebhookOnClock, WEBHOOK_TOLERANCE_SECONDS } from './webhook-verify';

const secret = `whsec_${randomBytes(32).toString('base64')}`;
const otherSecret = `whsec_${randomBytes(32).toString('base64')}`;
const now = new Date('2025-06-02T02:00:00.000Z');
const nowSeconds = Math.floor(now.getTime() / 1000);
const body = JSON.stringify({ type: 'auth_session.completed', data: { sessionId: 's_1', reference: 'r_1', result: 'matched' } });

/** Signs independently of the code under test: node:crypto over "id.timestamp.body". */
function sign(key: string, id: string, timestamp: string, rawBody: string): string {
  const bytes = Buffer.from(key.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', bytes).update(`${id}.${timestamp}.${rawBody}`).digest('base64')}`;
}

function headers(values: Record<string, string | undefined>): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(values)) if (v !== undefined) h.set(k, v);
  return h;
}

function signed(overrides: { id?: string; timestamp?: string; signature?: string } = {}) {
  const id = overrides.id ?? 'msg_2zYkqE';
  const timestamp = overrides.timestamp ?? String(nowSeconds);
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': overrides.signature ?? sign(secret, id, timestamp, body) };
}

function verify(h: Record<string, string | undefined>, rawBody = body, at = now) {
  return verifyWebhook({ secret, headers: headers(h), rawBody, now: at });
}

describe('Standard Webhooks verification (SECURITY A1–A2)', () => {
  it('accepts a correctly signed event and answers its id and timestamp', () => {
    expect(verify(signed())).toEqual({ ok: true, id: 'msg_2zYkqE', timestamp: nowSeconds });
  });

  it('agrees with the standardwebhooks reference implementation', () => {
    const wh = new Webhook(secret);
    const signature = wh.sign('msg_ref', new Date(nowSeconds * 1000), body);
    expect(signature).toBe(sign(secret, 'msg_ref', String(nowSeconds), body));
    expect(verify({ 'webhook-id': 'msg_ref', 'webhook-timestamp': String(nowSeconds), 'webhook-signature': signature })).toMatchObject({ ok: true });
  });

  it('refuses one changed byte of the body, the id or the timestamp', () => {
    const good = signed();
    expect(verify(good, body.replace('matched', 'matchee'))).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verify({ ...good, 'webhook-id': 'msg_2zYkqF' })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verify({ ...good, 'webhook-timestamp': String(nowSeconds + 1) })).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a signature that differs in one character', () => {
    const good = signed();
    const sig = good['webhook-signature'];
    const flipped = sig.slice(0, -2) + (sig.at(-2) === 'A' ? 'B' : 'A') + sig.at(-1);
    expect(verify({ ...good, 'webhook-signature': flipped })).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a signature made with another channel secret', () => {
    const id = 'msg_other';
    const ts = String(nowSeconds);
    expect(verify({ 'webhook-id': id, 'webhook-timestamp': ts, 'webhook-signature': sign(otherSecret, id, ts, body) })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('accepts any matching entry of a space-separated list (key rotation)', () => {
    const id = 'msg_rot';
    const ts = String(nowSeconds);
    const list = `${sign(otherSecret, id, ts, body)} v1,AAAA ${sign(secret, id, ts, body)}`;
    expect(verify({ 'webhook-id': id, 'webhook-timestamp': ts, 'webhook-signature': list })).toMatchObject({ ok: true });
  });

  it('refuses a signature with another version prefix', () => {
    const good = signed();
    expect(verify({ ...good, 'webhook-signature': good['webhook-signature'].replace(/^v1,/, 'v2,') })).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('accepts timestamps 299 s behind and ahead of the product clock', () => {
    for (const delta of [-299, 299, -WEBHOOK_TOLERANCE_SECONDS, WEBHOOK_TOLERANCE_SECONDS]) {
      expect(verify(signed({ timestamp: String(nowSeconds + delta) }))).toMatchObject({ ok: true });
    }
  });

  it('refuses timestamps 301 s behind or ahead, even correctly signed', () => {
    for (const delta of [-301, 301, -86_400]) {
      expect(verify(signed({ timestamp: String(nowSeconds + delta) }))).toEqual({ ok: false, reason: 'stale_timestamp' });
    }
  });

  it('measures the tolerance against the clock it is given (the product clock), not the machine clock', () => {
    const later = new Date(now.getTime() + 3 * 24 * 3600 * 1000);
    expect(verify(signed(), body, later)).toEqual({ ok: false, reason: 'stale_timestamp' });
    const ts = String(Math.floor(later.getTime() / 1000));
    expect(verify(signed({ timestamp: ts }), body, later)).toMatchObject({ ok: true });
  });

  it('refuses a non-numeric timestamp', () => {
    for (const ts of ['abc', '1748829600.5', '-1748829600', ' 1748829600', '1e9', '']) {
      const h = signed({ timestamp: ts });
      const verdict = verify(h);
      expect(verdict.ok).toBe(false);
    }
    expect(verify(signed({ timestamp: '17488x9600' }))).toEqual({ ok: false, reason: 'malformed_timestamp' });
  });

  it('refuses when any of the three headers is missing', () => {
    const good = signed();
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const) {
      expect(verify({ ...good, [name]: undefined })).toEqual({ ok: false, reason: 'missing_header' });
    }
  });

  it('refuses an overlong webhook-id', () => {
    expect(verify(signed({ id: 'x'.repeat(256) }))).toEqual({ ok: false, reason: 'malformed_id' });
  });
});

describe('verification on a clock that caches (issue 15 item 10)', () => {
  const jumped = new Date(now.getTime() + 3 * 24 * 3600 * 1000);
  const jumpedSeconds = String(Math.floor(jumped.getTime() / 1000));
  /** A clock whose cached time is 3 days behind the fresh one; counts its fresh reads. */
  function staleClock() {
    const clock = { freshReads: 0, now: async () => now, freshNow: async () => (clock.freshReads++, jumped) };
    return clock;
  }

  it('reads the clock afresh before refusing a correctly signed event for its timestamp', async () => {
    const clock = staleClock();
    expect(await verifyWebhookOnClock({ secret, headers: headers(signed({ timestamp: jumpedSeconds })), rawBody: body, clock })).toMatchObject({ ok: true });
    expect(clock.freshReads).toBe(1);
  });

  it('still refuses a timestamp outside the window of the fresh time too', async () => {
    const clock = staleClock();
    const timestamp = String(Number(jumpedSeconds) - WEBHOOK_TOLERANCE_SECONDS - 1);
    expect(await verifyWebhookOnClock({ secret, headers: headers(signed({ timestamp })), rawBody: body, clock })).toEqual({ ok: false, reason: 'stale_timestamp' });
  });

  it('does not read the clock again for a wrong signature, nor with a clock that caches nothing', async () => {
    const clock = staleClock();
    const forged = signed({ timestamp: jumpedSeconds, signature: sign(otherSecret, 'msg_2zYkqE', jumpedSeconds, body) });
    expect(await verifyWebhookOnClock({ secret, headers: headers(forged), rawBody: body, clock })).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(clock.freshReads).toBe(0);
    const plain = { now: async () => now };
    expect(await verifyWebhookOnClock({ secret, headers: headers(signed({ timestamp: jumpedSeconds })), rawBody: body, clock: plain })).toEqual({ ok: false, reason: 'stale_timestamp' });
  });
});
