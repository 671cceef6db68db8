import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/callbacks/[channel]/route';
import { channelEvents } from '@/db/schema';
import { channelSecret } from '@/lib/channels/providers/simulator/secrets';
import { databaseClock } from '@/lib/clock';
import { decryptField } from '@/lib/security/crypto';
import { expireChannelSessions } from '@/lib/features/channels/expire-channel-sessions';
import {
  auditRows,
  channelTestFile,
  completed,
  countRows,
  deliver,
  derivedSecret,
  eventRows,
  expired,
  moveTime,
  nowSeconds,
  openSession,
  serviceContext,
  sessionRow,
  signature,
  signedDelivery,
} from './support';

const t = channelTestFile();

/** Everything a refused callback must leave untouched. */
async function snapshot(sessionId: string) {
  return { session: await sessionRow(t.db, sessionId), events: await countRows(t.db, 'channel_events') };
}

describe('callback signatures (SECURITY A1)', () => {
  it('agrees with the protocol: the derived secret is the one lib/channels uses', () => {
    expect(channelSecret('wechat')).toBe(derivedSecret('wechat'));
  });

  it('completes a session on a correctly signed callback (204)', async () => {
    const session = await openSession(t.db);

    const response = await deliver('wechat', signedDelivery('wechat', completed(session, 'matched', { birthDate: '1949-12-31' })));

    expect(response.status).toBe(204);
    expect(await sessionRow(t.db, session.id)).toMatchObject({ state: 'completed', result: 'matched', birthDate: '1949-12-31' });
    expect(await auditRows(t.db, 'channel_session.completed', `channel_session:${session.id}`)).toHaveLength(1);
  });

  it('accepts an event signed by the standardwebhooks reference library', async () => {
    const session = await openSession(t.db, 'qq');
    const body = JSON.stringify(completed(session, 'no_bank_card'));
    const id = 'msg_reference_lib';
    const signed = new Webhook(derivedSecret('qq')).sign(id, new Date(nowSeconds() * 1000), body);

    const response = await deliver('qq', { body, headers: { 'webhook-id': id, 'webhook-timestamp': String(nowSeconds()), 'webhook-signature': signed } });

    expect(response.status).toBe(204);
    expect(await sessionRow(t.db, session.id)).toMatchObject({ state: 'failed', result: 'no_bank_card' });
  });

  it('refuses one changed byte of the body, the id or the timestamp: 401, nothing changed, the refusal audited', async () => {
    const session = await openSession(t.db);
    const good = signedDelivery('wechat', completed(session));
    const before = await snapshot(session.id);
    const auditedBefore = (await auditRows(t.db, 'callback.bad_signature')).length;

    const tampered = [
      { body: good.body.replace('"matched"', '"matchee"'), headers: good.headers },
      { body: good.body, headers: { ...good.headers, 'webhook-id': `${good.id.slice(0, -1)}${good.id.endsWith('a') ? 'b' : 'a'}` } },
      { body: good.body, headers: { ...good.headers, 'webhook-timestamp': String(Number(good.timestamp) - 1) } },
    ];
    for (const delivery of tampered) {
      const response = await deliver('wechat', delivery);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'CALLBACK_SIGNATURE_INVALID' } });
    }

    expect(await snapshot(session.id)).toEqual(before);
    const audited = await auditRows(t.db, 'callback.bad_signature');
    expect(audited.length - auditedBefore).toBe(3);
    expect(audited.at(-1)!.data).toEqual({ channel: 'wechat', reason: 'bad_signature' });
  });
});

describe('callback timestamps and headers (SECURITY A2)', () => {
  it('accepts timestamps 299 s behind and ahead of the product clock', async () => {
    for (const delta of [-299, 299]) {
      const session = await openSession(t.db);
      const response = await deliver('wechat', signedDelivery('wechat', completed(session), { timestamp: String(nowSeconds() + delta) }));
      expect(response.status, `delta ${delta}`).toBe(204);
      expect((await sessionRow(t.db, session.id)).state).toBe('completed');
    }
  });

  it('refuses timestamps 301 s behind or ahead, and non-numeric ones', async () => {
    const session = await openSession(t.db);
    const before = await snapshot(session.id);
    for (const timestamp of [String(nowSeconds() - 301), String(nowSeconds() + 301), 'yesterday', `${nowSeconds()}.0`]) {
      const response = await deliver('wechat', signedDelivery('wechat', completed(session), { timestamp }));
      expect(response.status, timestamp).toBe(401);
    }
    expect(await snapshot(session.id)).toEqual(before);
  });

  it('measures the tolerance against the product clock: after a 1-day jump, a machine-time timestamp is stale', async () => {
    const session = await openSession(t.db);
    const machineTime = String(nowSeconds());
    const clock = databaseClock(t.db);
    await clock.advance(24 * 3600 * 1000);
    try {
      expect((await deliver('wechat', signedDelivery('wechat', completed(session), { timestamp: machineTime }))).status).toBe(401);
      // Signed at product time: accepted — and the session, opened a day ago, has expired meanwhile.
      const productTime = String(Math.floor((await clock.now()).getTime() / 1000));
      expect((await deliver('wechat', signedDelivery('wechat', completed(session), { timestamp: productTime }))).status).toBe(204);
      expect((await sessionRow(t.db, session.id)).state).toBe('expired');
    } finally {
      await clock.set(new Date(Date.now()));
    }
  });

  it('refuses a callback missing any one of the three headers', async () => {
    const session = await openSession(t.db);
    const before = await snapshot(session.id);
    const good = signedDelivery('wechat', completed(session));
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      const response = await deliver('wechat', { body: good.body, headers: { ...good.headers, [name]: undefined } });
      expect(response.status, name).toBe(401);
    }
    expect(await snapshot(session.id)).toEqual(before);
    expect((await auditRows(t.db, 'callback.bad_signature')).some((r) => r.data.reason === 'missing_header')).toBe(true);
  });
});

describe('one secret per channel (SECURITY A3)', () => {
  it('refuses a WeChat-signed event sent to the bank route', async () => {
    const before = await countRows(t.db, 'channel_events');
    const event = { type: 'payout.settled', data: { payoutId: 'po_1', reference: 'payout_1', arrivedAt: new Date().toISOString() } };

    const response = await deliver('bank', signedDelivery('bank', event, { signWith: 'wechat' }));

    expect(response.status).toBe(401);
    expect(await countRows(t.db, 'channel_events')).toBe(before);
  });

  it('refuses a QQ-signed event on the WeChat route', async () => {
    const session = await openSession(t.db);
    const response = await deliver('wechat', signedDelivery('wechat', completed(session), { signWith: 'qq' }));
    expect(response.status).toBe(401);
    expect((await sessionRow(t.db, session.id)).state).toBe('open');
  });
});

describe('deduplication by webhook-id (SECURITY A4)', () => {
  it('answers the same event twice in sequence with 2xx and applies it once', async () => {
    const session = await openSession(t.db);
    const delivery = signedDelivery('wechat', completed(session));

    const first = await deliver('wechat', delivery);
    const second = await deliver('wechat', delivery);

    expect([first.status, second.status]).toEqual([204, 204]);
    expect(await auditRows(t.db, 'channel_session.completed', `channel_session:${session.id}`)).toHaveLength(1);
    expect((await eventRows(t.db, 'wechat')).filter((e) => e.webhookId === delivery.id)).toHaveLength(1);
  });

  it('treats a redelivery re-signed with a fresh timestamp as the same event', async () => {
    const session = await openSession(t.db);
    const first = signedDelivery('wechat', completed(session));
    moveTime(5_000);
    const retry = signedDelivery('wechat', completed(session), { id: first.id });

    expect((await deliver('wechat', first)).status).toBe(204);
    expect((await deliver('wechat', retry)).status).toBe(204);
    expect(await auditRows(t.db, 'channel_session.completed', `channel_session:${session.id}`)).toHaveLength(1);
  });

  it('applies 10 concurrent deliveries of one event once, all answered 2xx', async () => {
    const session = await openSession(t.db);
    const delivery = signedDelivery('wechat', completed(session));

    const responses = await Promise.all(Array.from({ length: 10 }, () => deliver('wechat', delivery)));

    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(204));
    expect(await auditRows(t.db, 'channel_session.completed', `channel_session:${session.id}`)).toHaveLength(1);
    const stored = await t.db.select().from(channelEvents).where(eq(channelEvents.webhookId, delivery.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 'processed', outcome: 'completed' });
  });

  it('applies 10 concurrent different completions of one session once (the session row lock)', async () => {
    const session = await openSession(t.db);

    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => deliver('wechat', signedDelivery('wechat', completed(session, i % 2 ? 'matched' : 'mismatch')))),
    );

    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(204));
    const row = await sessionRow(t.db, session.id);
    expect(['completed', 'failed']).toContain(row.state);
    const transitions = [
      ...(await auditRows(t.db, 'channel_session.completed', `channel_session:${session.id}`)),
      ...(await auditRows(t.db, 'channel_session.failed', `channel_session:${session.id}`)),
    ];
    expect(transitions).toHaveLength(1);
    expect(await auditRows(t.db, 'channel_event.ignored', `channel_session:${session.id}`)).toHaveLength(9);
  });
});

describe('order (SECURITY A5)', () => {
  it('keeps a session expired when its completion arrives after the expiry (out of order): 2xx, logged, nothing changed', async () => {
    const session = await openSession(t.db);

    expect((await deliver('wechat', signedDelivery('wechat', expired(session)))).status).toBe(204);
    const late = await deliver('wechat', signedDelivery('wechat', completed(session)));

    expect(late.status).toBe(204);
    expect(await sessionRow(t.db, session.id)).toMatchObject({ state: 'expired', result: null });
    const ignored = await auditRows(t.db, 'channel_event.ignored', `channel_session:${session.id}`);
    expect(ignored).toHaveLength(1);
    expect(ignored[0]!.data).toMatchObject({ reason: 'already_expired', type: 'auth_session.completed' });
  });

  it('keeps a completed session completed when an expiry arrives afterwards', async () => {
    const session = await openSession(t.db, 'face');
    const faceDone = { type: 'face_session.completed', data: { sessionId: session.externalSessionId, reference: session.reference, result: 'passed' } };

    expect((await deliver('face', signedDelivery('face', faceDone))).status).toBe(204);
    expect((await deliver('face', signedDelivery('face', expired(session)))).status).toBe(204);

    expect(await sessionRow(t.db, session.id)).toMatchObject({ state: 'completed', result: 'passed' });
  });

  it('changes nothing on a completion that arrives after the sweeper expired the session', async () => {
    const session = await openSession(t.db);
    moveTime(5 * 60_000 + 1_000);
    const swept = await expireChannelSessions(serviceContext(t.db));
    expect(swept.expired).toBeGreaterThanOrEqual(1);

    const response = await deliver('wechat', signedDelivery('wechat', completed(session)));

    expect(response.status).toBe(204);
    expect(await sessionRow(t.db, session.id)).toMatchObject({ state: 'expired', result: null });
  });

  it('expires rather than completes on a completion after the deadline, even before the sweeper ran', async () => {
    const session = await openSession(t.db);
    moveTime(5 * 60_000);

    expect((await deliver('wechat', signedDelivery('wechat', completed(session)))).status).toBe(204);

    expect(await sessionRow(t.db, session.id)).toMatchObject({ state: 'expired', result: null });
    const [audit] = await auditRows(t.db, 'channel_session.expired', `channel_session:${session.id}`);
    expect(audit!.data).toMatchObject({ lateCompletion: true });
  });

  it('answers 2xx and logs an event for a session the product never opened', async () => {
    const response = await deliver('wechat', signedDelivery('wechat', completed({ externalSessionId: 'ext_unknown', reference: 'ver_unknown' })));

    expect(response.status).toBe(204);
    const [event] = (await eventRows(t.db, 'wechat')).filter((e) => e.subjectId === 'ext_unknown');
    expect(event).toMatchObject({ status: 'ignored', outcome: 'unknown_session' });
  });

  it('ignores an event whose reference does not match the session', async () => {
    const session = await openSession(t.db);
    const response = await deliver('wechat', signedDelivery('wechat', completed({ ...session, reference: 'someone_else' })));
    expect(response.status).toBe(204);
    expect((await sessionRow(t.db, session.id)).state).toBe('open');
  });
});

describe('what the route accepts', () => {
  it('answers 404 for an unknown channel and for channels that never call back', async () => {
    for (const channel of ['paypal', 'registry', 'notify', '__proto__']) {
      const response = await deliver(channel, signedDelivery(channel, { type: 'x', data: {} }));
      expect(response.status, channel).toBe(404);
    }
  });

  it('answers 400 to a signed body that is not an event of the channel, and stores nothing', async () => {
    const before = await countRows(t.db, 'channel_events');
    const session = await openSession(t.db);
    const bodies = [
      { type: 'face_session.completed', data: { sessionId: session.externalSessionId, reference: session.reference, result: 'passed' } },
      { type: 'auth_session.completed', data: { sessionId: session.externalSessionId, reference: session.reference, result: 'maybe' } },
      { type: 'auth_session.completed' },
    ];
    for (const body of bodies) expect((await deliver('wechat', signedDelivery('wechat', body))).status).toBe(400);
    const notJson = signedDelivery('wechat', { type: 'x', data: {} });
    const raw = '{not json';
    const sig = signature(derivedSecret('wechat'), notJson.id, notJson.timestamp, raw);
    expect((await deliver('wechat', { body: raw, headers: { ...notJson.headers, 'webhook-signature': sig } })).status).toBe(400);

    expect(await countRows(t.db, 'channel_events')).toBe(before);
    expect((await sessionRow(t.db, session.id)).state).toBe('open');
    expect((await auditRows(t.db, 'callback.bad_payload')).length).toBeGreaterThanOrEqual(4);
  });

  it('refuses a body over 64 KiB with 413 before verifying it', async () => {
    const response = await deliver('wechat', signedDelivery('wechat', { type: 'x', data: { pad: 'x'.repeat(70_000) } }));
    expect(response.status).toBe(413);
  });

  it('SECURITY A: a chunked 10 MB body without Content-Length is cut off after 64 KiB with 413, not read in full', async () => {
    const CHUNK = 16 * 1024;
    let pulled = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 10 * 1024 * 1024) return controller.close();
        pulled += CHUNK;
        controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
      },
      cancel() {
        cancelled = true;
      },
    });
    const headers = signedDelivery('wechat', { type: 'x', data: {} }).headers;
    const req = new Request('http://localhost:3000/api/callbacks/wechat', { method: 'POST', headers: headers as Record<string, string>, body, duplex: 'half' } as RequestInit);
    const response = await POST(req, { params: Promise.resolve({ channel: 'wechat' }) });
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(64 * 1024 + 4 * CHUNK);
    expect(cancelled).toBe(true);
  });

  it('stores bank events and hands them to the bank flows, with the account number encrypted', async () => {
    const transfer = {
      type: 'transfer.received',
      data: { transferId: 'tr_1', fromAccount: '6222020200112233445', fromName: '北京示例科技有限公司', amountFen: 1234, receivedAt: new Date().toISOString() },
    };
    const response = await deliver('bank', signedDelivery('bank', transfer));

    expect(response.status).toBe(204);
    const [event] = (await eventRows(t.db, 'bank')).filter((e) => e.subjectId === 'tr_1');
    expect(event).toMatchObject({ type: 'transfer.received' });
    expect(['processed', 'ignored']).toContain(event!.status);
    expect(event!.payloadEnc).not.toContain('6222020200112233445');
    expect(JSON.parse(decryptField(event!.payloadEnc, 'channel_event.payload'))).toEqual(transfer);
  });

  it('stores payout, refund and withdrawal events by their ids and references', async () => {
    const at = new Date().toISOString();
    const events: { type: string; data: Record<string, string> }[] = [
      { type: 'payout.settled', data: { payoutId: 'po_9', reference: 'payout_9', arrivedAt: at } },
      { type: 'payout.failed', data: { payoutId: 'po_10', reference: 'payout_10', reason: 'holder_name_mismatch' } },
      { type: 'refund.settled', data: { refundId: 'rf_1', reference: 'refund_1', arrivedAt: at } },
      { type: 'withdrawal.settled', data: { withdrawalId: 'wd_1', reference: 'withdrawal_1', arrivedAt: at } },
    ];
    for (const event of events) expect((await deliver('bank', signedDelivery('bank', event))).status).toBe(204);
    const stored = await eventRows(t.db, 'bank');
    for (const event of events) {
      const row = stored.find((e) => e.reference === event.data.reference);
      expect(row).toMatchObject({ type: event.type });
      expect(['processed', 'ignored']).toContain(row!.status); // none of these names a payout or a recharge of ours
    }
  });

  it('completes an Official Account session with the verified enterprise name', async () => {
    const session = await openSession(t.db, 'oa');
    const body = completed(session, 'authorized', { verifiedEnterpriseName: '北京示例科技有限公司' });
    expect((await deliver('oa', signedDelivery('oa', body))).status).toBe(204);
    expect(await sessionRow(t.db, session.id)).toMatchObject({ state: 'completed', result: 'authorized', verifiedEnterpriseName: '北京示例科技有限公司' });
  });
});
