import { describe, expect, it } from 'vitest';
import * as callbacksRoute from '@/app/api/sim/callbacks/route';
import * as clockRoute from '@/app/api/sim/clock/route';
import * as oaAccounts from '@/app/api/sim/oa/accounts/route';
import * as faceSessions from '@/app/api/sim/providers/face/sessions/route';
import * as oaSessions from '@/app/api/sim/providers/oa/auth-sessions/route';
import * as qqSessions from '@/app/api/sim/providers/qq/auth-sessions/route';
import * as wechatSessions from '@/app/api/sim/providers/wechat/auth-sessions/route';
import * as qqUsers from '@/app/api/sim/qq/users/route';
import * as actRoute from '@/app/api/sim/sessions/[id]/act/route';
import * as sessionRoute from '@/app/api/sim/sessions/[id]/route';
import * as wechatUsers from '@/app/api/sim/wechat/users/route';
import { databaseClock } from '@/lib/clock';
import { makeResidentId } from '@/lib/domain/identity';
import { deliverDueCallbacks } from '@/lib/simulators/callbacks';
import { call, callbackRecorder, providerHeaders, setUpSimDatabase } from './support';

const sim = setUpSimDatabase();

const ZHANG = { name: '张伟', idType: 'resident_id', idNumber: makeResidentId('110105', '19900307', '011'), birthDate: '1990-03-07' };
const CALLBACK = 'http://product.test/api/callbacks/wechat';

async function user(route: typeof wechatUsers | typeof qqUsers, overrides: Record<string, unknown> = {}) {
  const r = await call(route.POST, { body: { ...ZHANG, bankCard: true, ...overrides } });
  expect(r.status).toBe(201);
  return (r.json as { id: string }).id;
}

async function open(route: typeof wechatSessions | typeof qqSessions, channel: 'wechat' | 'qq', reference: string) {
  const r = await call(route.POST, {
    headers: providerHeaders(channel),
    body: { reference, expectedName: ZHANG.name, idType: 'resident_id', idNumber: ZHANG.idNumber, callbackUrl: CALLBACK },
  });
  expect(r.status).toBe(201);
  return r.json as { sessionId: string; scanUrl: string; expiresAt: string };
}

const act = (id: string, body: unknown) => call(actRoute.POST, { params: { id }, body });

/** The callbacks the product would receive now, for one session. */
async function callbacksFor(sessionId: string) {
  const product = callbackRecorder();
  await deliverDueCallbacks(sim.world, { fetch: product.fetch });
  return product.received.filter((c) => c.event.data.sessionId === sessionId).map((c) => c.event);
}

describe('WeChat scan sessions (R-P-WX)', () => {
  it('opens a session whose scan URL is the phone page, expiring after 5 minutes', async () => {
    const s = await open(wechatSessions, 'wechat', 'ver-1');

    expect(s.scanUrl).toBe(`http://localhost:3000/sim/wechat/s/${s.sessionId}`);
    const view = await call(sessionRoute.GET, { params: { id: s.sessionId } });
    expect(view.json).toMatchObject({ channel: 'wechat', state: 'pending', expected: { name: '*伟', idType: 'resident_id', idNumber: '1****************3' } });
    const opened = Date.parse((view.json as { createdAt: string }).createdAt);
    expect(Date.parse(s.expiresAt) - opened).toBe(5 * 60 * 1000);
    expect(JSON.stringify(view.json)).not.toContain(ZHANG.idNumber);
  });

  it('answers matched (with the record’s birth date) when the chosen user’s real-name record is the expected one', async () => {
    const userId = await user(wechatUsers);
    const s = await open(wechatSessions, 'wechat', 'ver-2');

    const r = await act(s.sessionId, { userId, decision: 'authorize' });

    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ state: 'completed', result: 'matched', chosenUserId: userId });
    expect(await callbacksFor(s.sessionId)).toEqual([
      { type: 'auth_session.completed', data: { sessionId: s.sessionId, reference: 'ver-2', result: 'matched', birthDate: '1990-03-07' } },
    ]);
  });

  it('answers mismatch for another person, no_bank_card for a user without a card, declined on 拒绝', async () => {
    const other = await user(wechatUsers, { name: '李娜', idNumber: makeResidentId('310104', '19851122', '024'), birthDate: '1985-11-22' });
    const noCard = await user(wechatUsers, { bankCard: false });
    const cases = [
      [{ userId: other, decision: 'authorize' }, 'mismatch'],
      [{ userId: noCard, decision: 'authorize' }, 'no_bank_card'],
      [{ decision: 'decline' }, 'declined'],
    ] as const;

    for (const [body, result] of cases) {
      const s = await open(wechatSessions, 'wechat', `ver-${result}`);
      expect((await act(s.sessionId, body)).json).toMatchObject({ state: 'completed', result });
      expect(await callbacksFor(s.sessionId)).toEqual([{ type: 'auth_session.completed', data: { sessionId: s.sessionId, reference: `ver-${result}`, result } }]);
    }
  });

  it('refuses a second answer to a completed session (409) and sends one callback only', async () => {
    const userId = await user(wechatUsers);
    const s = await open(wechatSessions, 'wechat', 'ver-twice');
    await act(s.sessionId, { userId, decision: 'authorize' });

    const again = await act(s.sessionId, { decision: 'decline' });

    expect(again.status).toBe(409);
    expect(await callbacksFor(s.sessionId)).toHaveLength(1);
  });

  it('lists the callbacks of one session in the delivery log (GET /api/sim/callbacks?sessionId=)', async () => {
    const userId = await user(wechatUsers);
    const [a, b] = [await open(wechatSessions, 'wechat', 'ver-log-a'), await open(wechatSessions, 'wechat', 'ver-log-b')];
    await act(a.sessionId, { userId, decision: 'authorize' });
    await act(b.sessionId, { decision: 'decline' });

    const log = await call(callbacksRoute.GET, { path: `/api/sim/callbacks?sessionId=${a.sessionId}` });

    expect(log.status).toBe(200);
    expect(log.json).toEqual([expect.objectContaining({ channel: 'wechat', type: 'auth_session.completed', sessionId: a.sessionId, status: 'pending' })]);
    const all = (await call(callbacksRoute.GET, { path: '/api/sim/callbacks' })).json as { sessionId: string }[];
    expect(all.map((d) => d.sessionId)).toEqual(expect.arrayContaining([a.sessionId, b.sessionId]));
    expect((await call(callbacksRoute.GET, { path: `/api/sim/callbacks?sessionId=${'x'.repeat(300)}` })).status).toBe(400);
  });

  it('answers 400 naming userId when authorising without choosing a user, decision when it is unknown', async () => {
    const s = await open(wechatSessions, 'wechat', 'ver-400');

    const r = await act(s.sessionId, { decision: 'authorize' });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: { field: 'userId' } });
    expect((await act(s.sessionId, { decision: 'maybe' })).json).toMatchObject({ error: { field: 'decision' } });
    expect((await call(sessionRoute.GET, { params: { id: s.sessionId } })).json).toMatchObject({ state: 'pending' });
  });

  it('answers 404 for a session that does not exist', async () => {
    expect((await call(sessionRoute.GET, { params: { id: 'ses_nothing' } })).status).toBe(404);
    expect((await act('ses_nothing', { decision: 'decline' })).status).toBe(404);
  });
});

describe('QQ scan sessions (R-P-QQ)', () => {
  it('shows the bind-card step for a user without a card, then continues to matched', async () => {
    const userId = await user(qqUsers, { bankCard: false });
    const s = await open(qqSessions, 'qq', 'ver-qq');

    const first = await act(s.sessionId, { userId, decision: 'authorize' });
    expect(first.json).toMatchObject({ state: 'bind_card', result: null, chosenUserId: userId });
    expect(await callbacksFor(s.sessionId)).toEqual([]);

    const bound = await act(s.sessionId, { decision: 'authorize', bindCard: true });
    expect(bound.json).toMatchObject({ state: 'completed', result: 'matched' });
    expect(await callbacksFor(s.sessionId)).toEqual([
      { type: 'auth_session.completed', data: { sessionId: s.sessionId, reference: 'ver-qq', result: 'matched', birthDate: '1990-03-07' } },
    ]);
    expect((await call(qqUsers.GET)).json).toContainEqual(expect.objectContaining({ id: userId, bankCard: true }));
  });

  it('continues to mismatch after binding when the record is someone else’s', async () => {
    const userId = await user(qqUsers, { name: '李娜', idNumber: makeResidentId('310104', '19851122', '024'), birthDate: '1985-11-22', bankCard: false });
    const s = await open(qqSessions, 'qq', 'ver-qq-2');

    const r = await act(s.sessionId, { userId, decision: 'authorize', bindCard: true });

    expect(r.json).toMatchObject({ state: 'completed', result: 'mismatch' });
  });

  it('does not accept a WeChat user on a QQ session (400 naming userId)', async () => {
    const wechatUser = await user(wechatUsers);
    const s = await open(qqSessions, 'qq', 'ver-qq-3');

    expect((await act(s.sessionId, { userId: wechatUser, decision: 'authorize' })).json).toMatchObject({ error: { field: 'userId' } });
  });
});

describe('face sessions (R-P-FACE)', () => {
  it.each(['passed', 'liveness_failed', 'face_mismatch'] as const)('reports the tester’s choice %s as face_session.completed', async (faceResult) => {
    const open = await call(faceSessions.POST, {
      headers: providerHeaders('face'),
      body: { reference: `face-${faceResult}`, expectedName: '张伟', idNumber: ZHANG.idNumber, callbackUrl: 'http://product.test/api/callbacks/face' },
    });
    const { sessionId } = open.json as { sessionId: string };

    const r = await act(sessionId, { decision: 'authorize', faceResult });

    expect(r.json).toMatchObject({ channel: 'face', state: 'completed', result: faceResult });
    expect(await callbacksFor(sessionId)).toEqual([{ type: 'face_session.completed', data: { sessionId, reference: `face-${faceResult}`, result: faceResult } }]);
  });

  it('answers 400 naming faceResult when none is chosen', async () => {
    const open = await call(faceSessions.POST, {
      headers: providerHeaders('face'),
      body: { reference: 'face-400', expectedName: '张伟', idNumber: ZHANG.idNumber, callbackUrl: 'http://product.test/cb' },
    });

    const r = await act((open.json as { sessionId: string }).sessionId, { decision: 'authorize', faceResult: 'blurry' });

    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: { field: 'faceResult' } });
  });
});

describe('Official Account sessions (R-E-OA)', () => {
  it('reports the chosen 公众号’s verified enterprise name, or null for an unverified one', async () => {
    const admin = await user(wechatUsers);
    const verified = (await call(oaAccounts.POST, { body: { name: '星河数智', verifiedEnterpriseName: '北京星河数智科技有限公司', adminWechatUserId: admin } })).json as { id: string };
    const unverified = (await call(oaAccounts.POST, { body: { name: '生活号', verifiedEnterpriseName: null, adminWechatUserId: admin } })).json as { id: string };

    for (const [account, name] of [
      [verified.id, '北京星河数智科技有限公司'],
      [unverified.id, null],
    ] as const) {
      const { sessionId } = (await call(oaSessions.POST, { headers: providerHeaders('oa'), body: { reference: 'ent-oa', callbackUrl: 'http://product.test/api/callbacks/oa' } })).json as { sessionId: string };
      expect((await act(sessionId, { oaAccountId: account, decision: 'authorize' })).json).toMatchObject({ state: 'completed', result: 'authorized', chosenOaAccountId: account });
      expect(await callbacksFor(sessionId)).toEqual([
        { type: 'auth_session.completed', data: { sessionId, reference: 'ent-oa', result: 'authorized', verifiedEnterpriseName: name } },
      ]);
    }
  });

  it('answers 400 naming oaAccountId when no 公众号 is chosen', async () => {
    const { sessionId } = (await call(oaSessions.POST, { headers: providerHeaders('oa'), body: { reference: 'ent-oa-2', callbackUrl: 'http://product.test/cb' } })).json as { sessionId: string };

    expect((await act(sessionId, { decision: 'authorize' })).json).toMatchObject({ error: { field: 'oaAccountId' } });
  });
});

describe('expiry after 5 minutes of world time', () => {
  it('expires a session when its 5 minutes have passed, sends auth_session.expired once, and refuses a late answer', async () => {
    const userId = await user(wechatUsers);
    const s = await open(wechatSessions, 'wechat', 'ver-late');
    await call(clockRoute.POST, { body: { advanceSeconds: 4 * 60 + 50 } });
    expect((await call(sessionRoute.GET, { params: { id: s.sessionId } })).json).toMatchObject({ state: 'pending' });

    await call(clockRoute.POST, { body: { advanceSeconds: 10 } });

    expect((await call(sessionRoute.GET, { params: { id: s.sessionId } })).json).toMatchObject({ state: 'expired' });
    const late = await act(s.sessionId, { userId, decision: 'authorize' });
    expect(late.status).toBe(410);
    expect(late.json).toMatchObject({ error: { code: 'session_expired', message: '二维码已过期，请返回电脑端重新获取' } });
    expect(await callbacksFor(s.sessionId)).toEqual([{ type: 'auth_session.expired', data: { sessionId: s.sessionId, reference: 'ver-late' } }]);
  });

  it('expires at the moment of a late answer when no sweep ran before it', async () => {
    const userId = await user(wechatUsers);
    const s = await open(wechatSessions, 'wechat', 'ver-late-2');
    await databaseClock(sim.db).advance(5 * 60 * 1000); // the app's shared clock, moved without a sweep: the act itself must notice

    const late = await act(s.sessionId, { userId, decision: 'authorize' });

    expect(late.status).toBe(410);
    expect(await callbacksFor(s.sessionId)).toEqual([{ type: 'auth_session.expired', data: { sessionId: s.sessionId, reference: 'ver-late-2' } }]);
  });
});
