import { describe, expect, it } from 'vitest';
import { answerSessionAction } from '@/app/sim/_actions/phone';
import * as wechatSessions from '@/app/api/sim/providers/wechat/auth-sessions/route';
import * as wechatUsers from '@/app/api/sim/wechat/users/route';
import { databaseClock } from '@/lib/clock';
import { makeResidentId } from '@/lib/domain/identity';
import { deliverDueCallbacks } from '@/lib/simulators/callbacks';
import { clockFormSchema, phoneUserFormSchema, transferFormSchema, yuanToFen } from '@/lib/simulators/schemas/forms';
import { expireDueSessions } from '@/lib/simulators/sessions/expire';
import { findSession } from '@/lib/simulators/sessions/view';
import { call, callbackRecorder, providerHeaders, setUpSimDatabase } from './support';

const sim = setUpSimDatabase();

const ID = makeResidentId('110105', '19900307', '011');

async function openWechat(reference: string) {
  const r = await call(wechatSessions.POST, {
    headers: providerHeaders('wechat'),
    body: { reference, expectedName: '张伟', idType: 'resident_id', idNumber: ID, callbackUrl: 'http://product.test/api/callbacks/wechat' },
  });
  return (r.json as { sessionId: string }).sessionId;
}

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

/** The page a phone action sends the browser to (server actions redirect by throwing). */
async function redirectOf(action: Promise<void>): Promise<string> {
  const error = await action.then(
    () => null,
    (e: unknown) => e as { digest?: string },
  );
  const digest = error?.digest ?? '';
  expect(digest).toMatch(/^NEXT_REDIRECT/);
  return digest.split(';')[2]!;
}

describe('the WeChat phone page’s form (no JavaScript: a plain POST to a server action)', () => {
  it('refuses 授权 without the agreement, then completes with it and sends one callback', async () => {
    const userId = ((await call(wechatUsers.POST, { body: { name: '张伟', idType: 'resident_id', idNumber: ID, birthDate: '1990-03-07', bankCard: true } })).json as { id: string }).id;
    const sessionId = await openWechat('phone-1');

    const refused = await redirectOf(answerSessionAction(form({ sessionId, userId, decision: 'authorize' })));
    expect(refused).toBe(`/sim/wechat/s/${sessionId}?error=agreement`);
    expect((await findSession(sim.db, sessionId))?.state).toBe('pending');

    const done = await redirectOf(answerSessionAction(form({ sessionId, userId, agree: 'yes', decision: 'authorize' })));
    expect(done).toBe(`/sim/wechat/s/${sessionId}`);
    expect(await findSession(sim.db, sessionId)).toMatchObject({ state: 'completed', result: 'matched' });
    const product = callbackRecorder();
    await deliverDueCallbacks(sim.world, { fetch: product.fetch });
    expect(product.received.filter((c) => c.event.data.sessionId === sessionId)).toHaveLength(1);
  });

  it('asks for a user when none is chosen, and declines without the agreement', async () => {
    const sessionId = await openWechat('phone-2');

    expect(await redirectOf(answerSessionAction(form({ sessionId, userId: '', agree: 'yes', decision: 'authorize' })))).toBe(`/sim/wechat/s/${sessionId}?error=user`);
    expect(await redirectOf(answerSessionAction(form({ sessionId, decision: 'decline' })))).toBe(`/sim/wechat/s/${sessionId}`);
    expect(await findSession(sim.db, sessionId)).toMatchObject({ state: 'completed', result: 'declined' });
  });

  it('refuses a late 授权 after 5 minutes of world time (the page then shows the code expired)', async () => {
    const sessionId = await openWechat('phone-3');
    await databaseClock(sim.db).advance(5 * 60 * 1000 + 1000);

    const late = await redirectOf(answerSessionAction(form({ sessionId, userId: 'wxu_x', agree: 'yes', decision: 'authorize' })));

    expect(late).toBe(`/sim/wechat/s/${sessionId}?error=expired`);
    expect((await findSession(sim.db, sessionId))?.state).toBe('expired');
  });
});

describe('two sweepers at once (SECURITY 31)', () => {
  it('expire each session once, with one auth_session.expired each', async () => {
    const ids = [await openWechat('sweep-1'), await openWechat('sweep-2'), await openWechat('sweep-3')];
    const later = new Date((await databaseClock(sim.db).now()).getTime() + 6 * 60 * 1000);

    const counts = await Promise.all([expireDueSessions(sim.db, later), expireDueSessions(sim.db, later), expireDueSessions(sim.db, later)]);

    expect(counts.reduce((a, b) => a + b, 0)).toBe(3); // each session counted by exactly one sweeper
    await databaseClock(sim.db).set(later);
    const product = callbackRecorder();
    await deliverDueCallbacks(sim.world, { fetch: product.fetch, limit: 100 });
    for (const id of ids) expect(product.received.filter((c) => c.event.data.sessionId === id).map((c) => c.event.type)).toEqual(['auth_session.expired']);
  });
});

describe('the console forms parse HTML form strings into the API’s input', () => {
  it('turns 元 into integer fen without floats', () => {
    expect(yuanToFen('0.37')).toBe(37);
    expect(yuanToFen('12.3')).toBe(1230);
    expect(yuanToFen('5')).toBe(500);
    expect(yuanToFen('0.375')).toBeNull();
    expect(yuanToFen('1e2')).toBeNull();
    expect(transferFormSchema.safeParse({ fromAccount: '110912345610101', amountYuan: '0.1' }).data).toEqual({ fromAccount: '110912345610101', amountFen: 10 });
    expect(transferFormSchema.safeParse({ fromAccount: '110912345610101', amountYuan: 'abc' }).error?.issues[0]?.path).toEqual(['amountYuan']);
  });

  it('reads a checkbox as a boolean and applies the API’s rules to a new user', () => {
    const parsed = phoneUserFormSchema.safeParse({ channel: 'qq', name: ' 张伟 ', idType: 'resident_id', idNumber: ID.toLowerCase(), birthDate: '1990-03-07', bankCard: 'on' });
    expect(parsed.data).toEqual({ channel: 'qq', name: '张伟', idType: 'resident_id', idNumber: ID, birthDate: '1990-03-07', bankCard: true });
    expect(phoneUserFormSchema.safeParse({ channel: 'qq', name: '张伟', idType: 'resident_id', idNumber: ID, birthDate: '1990-3-7' }).error?.issues[0]?.path).toEqual(['user', 'birthDate']);
  });

  it('reads a jump button and a Beijing wall time for the clock', () => {
    expect(clockFormSchema.safeParse({ advanceSeconds: '86400' }).data).toEqual({ advanceSeconds: 86400 });
    expect(clockFormSchema.safeParse({ set: '2030-10-08T09:00' }).data).toEqual({ set: '2030-10-08T09:00:00+08:00' });
  });
});
