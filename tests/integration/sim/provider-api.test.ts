import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as inboxRoute from '@/app/api/sim/inbox/route';
import * as faceSessions from '@/app/api/sim/providers/face/sessions/route';
import * as messagesRoute from '@/app/api/sim/providers/notify/messages/route';
import * as wechatSessions from '@/app/api/sim/providers/wechat/auth-sessions/route';
import { makeResidentId } from '@/lib/domain/identity';
import { channelSessions, inboxMessages } from '@/lib/simulators/schema';
import { call, providerHeaders, setUpSimDatabase } from './support';

const sim = setUpSimDatabase();

const sessionBody = (reference: string) => ({
  reference,
  expectedName: '张伟',
  idType: 'resident_id',
  idNumber: makeResidentId('110105', '19900307', '011'),
  callbackUrl: 'http://product.test/api/callbacks/wechat',
});

describe('the bearer secret of each channel (docs/channel-protocol.md § Secrets)', () => {
  it('answers 401 without the secret, with another channel’s secret, and with a wrong one', async () => {
    for (const authorization of [undefined, `Bearer ${'x'.repeat(10)}`, providerHeaders('qq').authorization]) {
      const headers = { 'idempotency-key': randomUUID(), ...(authorization ? { authorization } : {}) };
      const r = await call(wechatSessions.POST, { headers, body: sessionBody('no-auth') });
      expect(r.status).toBe(401);
      expect(r.json).toMatchObject({ error: { code: 'unauthorized' } });
    }
    expect(await sim.db.select().from(channelSessions).where(eq(channelSessions.reference, 'no-auth'))).toEqual([]);
  });
});

describe('Idempotency-Key (SECURITY 30)', () => {
  it('answers a repeated key with the first answer and opens one session only', async () => {
    const key = randomUUID();

    const first = await call(wechatSessions.POST, { headers: providerHeaders('wechat', key), body: sessionBody('idem-1') });
    const second = await call(wechatSessions.POST, { headers: providerHeaders('wechat', key), body: sessionBody('idem-1') });

    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json).toEqual(first.json);
    expect(await sim.db.select().from(channelSessions).where(eq(channelSessions.reference, 'idem-1'))).toHaveLength(1);
  });

  it('answers concurrent requests with one key once (one effect, same answer)', async () => {
    const key = randomUUID();

    const answers = await Promise.all(
      Array.from({ length: 5 }, () => call(faceSessions.POST, { headers: providerHeaders('face', key), body: { ...sessionBody('idem-race'), idType: undefined } })),
    );

    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => JSON.stringify(a.json))).size).toBe(1);
    expect(await sim.db.select().from(channelSessions).where(eq(channelSessions.reference, 'idem-race'))).toHaveLength(1);
  });

  it('keeps keys per channel: one key on two channels is two requests', async () => {
    const key = randomUUID();

    const wechat = await call(wechatSessions.POST, { headers: providerHeaders('wechat', key), body: sessionBody('idem-2') });
    const face = await call(faceSessions.POST, { headers: providerHeaders('face', key), body: sessionBody('idem-2') });

    expect((wechat.json as { sessionId: string }).sessionId).not.toBe((face.json as { sessionId: string }).sessionId);
  });

  it('refuses a repeated key with another body (422) and a request with an effect but no key (400 naming Idempotency-Key)', async () => {
    const key = randomUUID();
    await call(wechatSessions.POST, { headers: providerHeaders('wechat', key), body: sessionBody('idem-3') });

    const reused = await call(wechatSessions.POST, { headers: providerHeaders('wechat', key), body: sessionBody('idem-other') });
    expect(reused.status).toBe(422);
    expect(reused.json).toMatchObject({ error: { code: 'idempotency_key_reused' } });

    const { 'idempotency-key': _key, ...noKey } = providerHeaders('wechat');
    const missing = await call(wechatSessions.POST, { headers: noKey, body: sessionBody('idem-4') });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ error: { field: 'Idempotency-Key' } });
  });

  it('answers 400 naming the field of a bad body, without storing the key (a corrected retry works)', async () => {
    const key = randomUUID();

    const bad = await call(wechatSessions.POST, { headers: providerHeaders('wechat', key), body: { ...sessionBody('idem-5'), callbackUrl: 'ftp://x' } });

    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { field: 'callbackUrl' } });
    expect((await call(wechatSessions.POST, { headers: providerHeaders('wechat', key), body: sessionBody('idem-5') })).status).toBe(201);
  });
});

describe('the notify provider and GET /api/sim/inbox (SPEC §8, §11.1)', () => {
  it('stores email, SMS and WeChat messages; the inbox lists them newest first, filtered by ?to=', async () => {
    const to = `user-${randomUUID()}@example.com`;
    const sent = await call(messagesRoute.POST, { headers: providerHeaders('notify'), body: { reference: 'n-1', kind: 'email', to, subject: '认证结果', body: '您已完成企业实名认证' } });
    await call(messagesRoute.POST, { headers: providerHeaders('notify'), body: { reference: 'n-2', kind: 'sms', to: '+8613800138000', body: '【云控制台】验证码 123456' } });

    expect(sent.status).toBe(201);
    expect(sent.json).toEqual({ messageId: expect.stringMatching(/^ntf_/) });
    const inbox = await call(inboxRoute.GET, { path: `/api/sim/inbox?to=${encodeURIComponent(to)}` });
    expect(inbox.status).toBe(200);
    expect(inbox.json).toEqual([expect.objectContaining({ kind: 'email', to, subject: '认证结果', body: '您已完成企业实名认证', reference: 'n-1' })]);
    const all = (await call(inboxRoute.GET)).json as { to: string }[];
    expect(all.map((m) => m.to)).toEqual(expect.arrayContaining([to, '+8613800138000']));
  });

  it('answers 400 naming kind for an unknown kind, and to for an empty ?to=', async () => {
    const r = await call(messagesRoute.POST, { headers: providerHeaders('notify'), body: { reference: 'n-3', kind: 'fax', to: 'x', body: 'y' } });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: { field: 'kind' } });
    expect(await sim.db.select().from(inboxMessages).where(eq(inboxMessages.reference, 'n-3'))).toEqual([]);
    expect((await call(inboxRoute.GET, { path: '/api/sim/inbox?to=' })).json).toMatchObject({ error: { field: 'to' } });
  });
});
