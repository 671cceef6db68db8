import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDueOutboxMessages } from '@/db/queries/outbox';
import { outboxMessages, siteMessages, webhookDeliveries } from '@/db/schema';
import { sendMessage } from '@/lib/channels/notify';
import { fixedClock } from '@/lib/clock';
import { resetEnvCache } from '@/lib/env';
import { profileSchema } from '@/lib/schemas/account';
import { decryptField, encryptField } from '@/lib/security/crypto';
import { deliverOutboxMessages, type OutboxContext } from '@/lib/features/notifications/deliver-outbox-messages';
import { deliverWebhooks } from '@/lib/features/notifications/deliver-webhooks';
import { emitWebhookEvent } from '@/lib/features/notifications/emit-webhook-event';
import { notifyAccount } from '@/lib/features/notifications/notify-account';
import { OUTBOX_RECIPIENT_CONTEXT } from '@/db/schema';
import { registerAccount } from '@/lib/features/account/register-account';
import { registerWebhookEndpoint } from '@/lib/features/notifications/register-webhook-endpoint';
import { resendWebhookDelivery } from '@/lib/features/notifications/resend-webhook-delivery';
import { updateAccountProfile } from '@/lib/features/account/update-account-profile';
import { expectAppError } from '../support/expect-error';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

/**
 * The outbox and the integrators' webhooks (issue 9): written with the change, delivered
 * by workers that may run side by side and may die between sending and marking.
 */
let t: TestDatabase;
const clock = fixedClock('2026-11-27T04:00:00.000Z');
let n = 0;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

/** The notify channel's side: one message per idempotency key, however often it is sent. */
function notifyReceiver() {
  const calls: { key: string | null; body: Record<string, unknown> }[] = [];
  const stored = new Map<string, Record<string, unknown>>();
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    const key = new Headers(init?.headers).get('idempotency-key');
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    calls.push({ key, body });
    if (key && !stored.has(key)) stored.set(key, body);
    return Response.json({ messageId: `ntf_${key}` }, { status: 201 });
  };
  return { calls, stored, fetch };
}

function ctx(fetch: typeof globalThis.fetch, extra: Partial<OutboxContext> = {}): OutboxContext {
  return { db: t.db, clock, channelTransport: { fetch }, mailer: null, ...extra };
}

async function account(mobile?: string) {
  n += 1;
  const id = (await registerAccount({ db: t.db, clock }, { email: `n${n}-${Date.now()}@example.com`, password: 'Passw0rd!', emailConfirmed: true })).id;
  if (mobile) await updateAccountProfile({ db: t.db, clock }, id, profileSchema.parse({ nickname: `n${n}`, contactPhone: mobile, industry: '互联网/IT服务' }));
  return id;
}

async function pendingFor(accountId: string) {
  return t.db.select().from(outboxMessages).where(eq(outboxMessages.accountId, accountId));
}

describe('notifyAccount: the news is written with the change', () => {
  it('writes a 站内信, an e-mail, an SMS and a WeChat message, masked, in the caller’s transaction', async () => {
    const a = await account('13812345678');
    await t.db.transaction(async (tx) => {
      await notifyAccount(tx, a, { kind: 'payout_arrived', bankAccountMasked: '6789', deadline: '2026-12-04' }, await clock.now());
    });

    const [site] = await t.db.select().from(siteMessages).where(eq(siteMessages.accountId, a));
    expect(site).toMatchObject({ title: '对公打款已到账', readAt: null });
    expect(site!.body).toContain('尾号 6789');
    const rows = await pendingFor(a);
    expect(rows.map((r) => r.kind).sort()).toEqual(['email', 'sms', 'wechat']);
    expect(rows.every((r) => r.status === 'pending' && r.event === 'payout_arrived')).toBe(true);
    expect(decryptField(rows.find((r) => r.kind === 'sms')!.toEnc, OUTBOX_RECIPIENT_CONTEXT)).toContain('13812345678');
    expect(rows.find((r) => r.kind === 'sms')!.body).toMatch(/^【云控制台】/);
    // The address is stored encrypted only.
    expect(JSON.stringify(rows)).not.toContain('13812345678');
  });

  it('without a 联系手机 only the 站内信 and the e-mail; rolled back with the change', async () => {
    const a = await account();
    await t.db.transaction(async (tx) => notifyAccount(tx, a, { kind: 'change_cancelled' }, await clock.now()));
    expect((await pendingFor(a)).map((r) => r.kind)).toEqual(['email']);

    const b = await account();
    await expect(
      t.db.transaction(async (tx) => {
        await notifyAccount(tx, b, { kind: 'change_cancelled' }, await clock.now());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await pendingFor(b)).toEqual([]);
    expect(await t.db.select().from(siteMessages).where(eq(siteMessages.accountId, b))).toEqual([]);
  });
});

describe('deliverOutboxMessages: the worker', () => {
  it('sends each message through the notify channel under its id as the idempotency key, then marks it sent', async () => {
    const a = await account('13912345678');
    await t.db.transaction(async (tx) => notifyAccount(tx, a, { kind: 'review_approved', what: '对公打款认证材料' }, await clock.now()));
    const receiver = notifyReceiver();

    await deliverOutboxMessages(ctx(receiver.fetch));

    const rows = await pendingFor(a);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    for (const row of rows) expect(receiver.stored.get(row.id)).toMatchObject({ reference: row.id, kind: row.kind, body: row.body });
  });

  it('a worker dying after sending and before marking: sent again once its lease lapses, received once', async () => {
    const a = await account();
    await t.db.transaction(async (tx) => notifyAccount(tx, a, { kind: 'deadline_passed', what: '充值认证' }, await clock.now()));
    const receiver = notifyReceiver();
    const [row] = await pendingFor(a);

    // The first worker claims and sends — and dies before it marks the row.
    const claimed = await claimDueOutboxMessages(t.db, { now: await clock.now(), limit: 100, leaseSeconds: 60 });
    const mine = claimed.find((c) => c.id === row!.id)!;
    await sendMessage({ reference: mine.id, kind: mine.kind, to: 'x', body: mine.body }, mine.id, { fetch: receiver.fetch });
    // While its lease holds, no other worker takes the row.
    await deliverOutboxMessages(ctx(receiver.fetch));
    expect(receiver.calls.filter((c) => c.key === row!.id)).toHaveLength(1);

    // The lease lapses (real time on the database): the next pass sends it again, under the same key.
    await t.db.update(outboxMessages).set({ leasedUntil: sql`now() - interval '1 second'` }).where(eq(outboxMessages.id, row!.id));
    await deliverOutboxMessages(ctx(receiver.fetch));

    expect(receiver.calls.filter((c) => c.key === row!.id)).toHaveLength(2);
    expect([...receiver.stored.keys()].filter((k) => k === row!.id)).toHaveLength(1);
    expect((await pendingFor(a))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('two workers at once never send the same message', async () => {
    const accounts = await Promise.all(Array.from({ length: 6 }, (_, i) => account(`1370000000${i}`)));
    await t.db.transaction(async (tx) => {
      for (const a of accounts) await notifyAccount(tx, a, { kind: 'change_completed', subjectName: '北京星河数智科技有限公司' }, await clock.now());
    });
    const receiver = notifyReceiver();
    // Slow answers keep both workers busy at the same time.
    const slow: typeof globalThis.fetch = async (input, init) => {
      await new Promise((r) => setTimeout(r, 5));
      return receiver.fetch(input, init);
    };

    await Promise.all([deliverOutboxMessages(ctx(slow)), deliverOutboxMessages(ctx(slow)), deliverOutboxMessages(ctx(slow))]);

    const keys = receiver.calls.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    const rows = (await Promise.all(accounts.map(pendingFor))).flat();
    expect(rows).toHaveLength(18);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('one pass sends a backlog of several batches, never more than its concurrency at once (issue 19)', async () => {
    const a = await account();
    const now = await clock.now();
    const toEnc = encryptField('13800000000', OUTBOX_RECIPIENT_CONTEXT);
    await t.db
      .insert(outboxMessages)
      .values(Array.from({ length: 45 }, (_, i) => ({ accountId: a, kind: 'sms' as const, toEnc, event: 'change_completed', body: `消息 ${i}`, createdAt: now, nextAttemptAt: now })));
    const receiver = notifyReceiver();
    let inFlight = 0;
    let most = 0;
    const counting: typeof globalThis.fetch = async (input, init) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      return receiver.fetch(input, init);
    };

    const pass = await deliverOutboxMessages(ctx(counting, { concurrency: 3 }));

    // A batch is 20 rows: the pass claimed three times, and took nothing it did not send.
    expect(pass).toMatchObject({ claimed: 45, sent: 45, released: 0, leaseLost: 0 });
    expect(most).toBe(3);
    const rows = await pendingFor(a);
    expect(rows.filter((r) => r.status !== 'sent' || r.attempts !== 1)).toEqual([]);
    expect(new Set(receiver.calls.map((c) => c.key)).size).toBe(45);
    expect(receiver.calls).toHaveLength(45);
  });

  it('a failing channel: retried later with backoff, never marked sent', async () => {
    const a = await account();
    await t.db.transaction(async (tx) => notifyAccount(tx, a, { kind: 'change_expired' }, await clock.now()));
    const down: typeof globalThis.fetch = async () => new Response('busy', { status: 503 });

    await deliverOutboxMessages(ctx(down));
    const [row] = await pendingFor(a);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, leasedUntil: null });
    expect(row!.nextAttemptAt.getTime() - (await clock.now()).getTime()).toBe(5_000);
    expect(row!.lastError).toBe('channel unavailable 503');

    const receiver = notifyReceiver();
    await deliverOutboxMessages(ctx(receiver.fetch));
    expect(receiver.calls.filter((c) => c.key === row!.id)).toHaveLength(0); // not due yet
    clock.advance(5_000);
    await deliverOutboxMessages(ctx(receiver.fetch));
    expect((await pendingFor(a))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('integrators’ webhooks', () => {
  let server: http.Server;
  let url: string;
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let failuresLeft = 0;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.statusCode = failuresLeft-- > 0 ? 500 : 204;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('an endpoint that fails twice gets the event on the third try, with a valid Standard Webhooks signature', async () => {
    const a = await account();
    const { secret } = await registerWebhookEndpoint({ db: t.db, clock }, a, { url });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    await t.db.transaction(async (tx) => emitWebhookEvent(tx, a, 'verification.completed', { subject: 'enterprise', method: 'oa' }, await clock.now()));
    failuresLeft = 2;
    received.length = 0;
    // The receiver checks the signature's timestamp against its own (real) clock.
    clock.set(new Date());
    const worker = ctx(globalThis.fetch);

    await deliverWebhooks(worker);
    clock.advance(5_000);
    await deliverWebhooks(worker);
    clock.advance(30_000);
    await deliverWebhooks(worker);

    expect(received).toHaveLength(3);
    const [delivery] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.accountId, a));
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 204 });
    // One webhook-id on every try; the last one verifies with the account's secret.
    expect(new Set(received.map((r) => r.headers['webhook-id']))).toEqual(new Set([delivery!.id]));
    const last = received[2]!;
    const payload = new Webhook(secret).verify(last.body, {
      'webhook-id': String(last.headers['webhook-id']),
      'webhook-timestamp': String(last.headers['webhook-timestamp']),
      'webhook-signature': String(last.headers['webhook-signature']),
    });
    expect(payload).toMatchObject({ type: 'verification.completed', data: { subject: 'enterprise', method: 'oa' } });
    expect(() => new Webhook(`whsec_${Buffer.from('another secret of 24 bytes').toString('base64')}`).verify(last.body, last.headers as Record<string, string>)).toThrow();

    // 重新发送 queues it once more, under the same id; another account cannot.
    await expectAppError(resendWebhookDelivery({ db: t.db, clock }, await account(), delivery!.id), 'NOT_FOUND');
    await resendWebhookDelivery({ db: t.db, clock }, a, delivery!.id);
    await deliverWebhooks(worker);
    expect(received).toHaveLength(4);
    expect(received[3]!.headers['webhook-id']).toBe(delivery!.id);
  });

  it('with private addresses not allowed: internal names and IPv4-in-IPv6 forms are refused when saved, and an endpoint saved earlier is refused when sent (issue 16)', async () => {
    const legacy = await account();
    await registerWebhookEndpoint({ db: t.db, clock }, legacy, { url: 'https://localhost./hook' }); // allowed while private addresses are
    await t.db.transaction(async (tx) => emitWebhookEvent(tx, legacy, 'verification.completed', { subject: 'person' }, await clock.now()));
    process.env.WEBHOOKS_ALLOW_PRIVATE = 'false';
    resetEnvCache();
    try {
      for (const url of ['https://localhost./', 'https://localhost.localdomain/', 'https://[::127.0.0.1]/', 'https://[64:ff9b::7f00:1]/', 'https://198.18.0.1/', 'https://224.0.0.1/', 'https://255.255.255.255/']) {
        await expectAppError(registerWebhookEndpoint({ db: t.db, clock }, await account(), { url }), 'WEBHOOK_URL_PRIVATE');
      }
      await deliverWebhooks({ db: t.db, clock, mailer: null });
      const [delivery] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.accountId, legacy));
      expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastError: 'WebhookAddressRefused' });
    } finally {
      delete process.env.WEBHOOKS_ALLOW_PRIVATE;
      resetEnvCache();
    }
  });

  it('queues nothing for an account without an endpoint; refuses private endpoints when they are not allowed', async () => {
    const a = await account();
    await t.db.transaction(async (tx) => emitWebhookEvent(tx, a, 'change.completed', {}, await clock.now()));
    expect(await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.accountId, a))).toEqual([]);
    await expectAppError(registerWebhookEndpoint({ db: t.db, clock }, a, { url: 'ftp://example.com' }), 'WEBHOOK_URL_INVALID');
  });
});
