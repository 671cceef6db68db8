import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, channelEvents } from '@/db/schema';
import type { FaceEvent } from '@/lib/channels/events';
import type { ChannelProvider, FacePort } from '@/lib/channels/ports';
// A test may build its provider from a provider's parts (the product may not: eslint.config.mjs).
import { signedCallbacks } from '@/lib/channels/providers/simulator/callbacks';
import { ChannelProviderConfigError, channelPort, plugChannelProvider } from '@/lib/channels/resolve';
import { CONSENT_VERSION } from '@/lib/domain/consent';
import { nextPollAt } from '@/lib/domain/channel-session';
import { makeResidentId } from '@/lib/domain/identity/resident-id';
import { resetEnvCache } from '@/lib/env';
import { choosePersonalMethod } from '@/lib/features/personal/choose-personal-method';
import { confirmPersonalVerification } from '@/lib/features/personal/confirm-personal-verification';
import { getPersonalStatus } from '@/lib/features/personal/get-personal-status';
import { getPersonalWizard } from '@/lib/features/personal/get-personal-wizard';
import { getVerificationOverview } from '@/lib/features/overview/get-verification-overview';
import { pollChannelResults } from '@/lib/features/channels/poll-channel-results';
import { pullChannelResult } from '@/lib/features/channels/pull-channel-result';
import { startPersonalVerification } from '@/lib/features/personal/start-personal-verification';
import { channelTestDatabase, deliver, fakeProvider, freezeTime, moveTime, serviceContext, sessionRow, signedDelivery } from '../channels/support';
import { expectAppError } from '../support/expect-error';
import { newAccount, personalInfo } from '../support/factories';
import type { TestDatabase } from '../support/test-db';

/**
 * Issue 17's acceptance test of the channel-provider port: the face channel's provider is
 * swapped by configuration (CHANNEL_FACE_PROVIDER) for one written here, shaped like a
 * real face service — no callback at all; the phone is sent back to us and the result is
 * fetched by the session's token — and a personal face verification runs through the
 * port to the same ends as with the simulator's signed push.
 */

type FaceOutcome = 'passed' | 'liveness_failed' | 'face_mismatch';

/** The face service's side: sessions by token, and what the phone did. */
function pullShapedFaceService(name: string) {
  const sessions = new Map<string, { reference: string; phone?: { result: FaceOutcome; person: { name: string; idNumber: string } } }>();
  const byKey = new Map<string, string>();
  const fetched: string[] = [];
  const face: FacePort = {
    async openSession(request, idempotencyKey) {
      let token = byKey.get(idempotencyKey);
      if (!token) {
        token = `biz_${randomUUID()}`;
        byKey.set(idempotencyKey, token);
        sessions.set(token, { reference: request.reference });
      }
      return { sessionId: token, scanUrl: `https://face.example.test/h5?token=${token}`, expiresAt: new Date(Date.now() + 2 * 60 * 60_000) };
    },
    async fetchResult(session) {
      fetched.push(session.sessionId);
      const s = sessions.get(session.sessionId);
      if (!s?.phone) return { settled: false };
      // Like a real service: it reports whom it verified, and a pass counts only for our person.
      const result: FaceOutcome = s.phone.result === 'passed' && !session.isRequestedPerson(s.phone.person) ? 'face_mismatch' : s.phone.result;
      const event: FaceEvent = { type: 'face_session.completed', data: { sessionId: session.sessionId, reference: s.reference, result } };
      return { settled: true, event };
    },
  };
  return {
    provider: { name, ports: { face } } satisfies ChannelProvider,
    face,
    fetched,
    /** The person on the phone finishes the check. */
    play(token: string, result: FaceOutcome, person: { name: string; idNumber: string }) {
      sessions.get(token)!.phone = { result, person };
    },
  };
}

let t: TestDatabase;
let simulator: ReturnType<typeof fakeProvider>;
const ctx = () => serviceContext(t.db, simulator.fetch);
const unplug: (() => void)[] = [];

function selectFaceProvider(name: string | undefined) {
  if (name === undefined) delete process.env.CHANNEL_FACE_PROVIDER;
  else process.env.CHANNEL_FACE_PROVIDER = name;
  resetEnvCache();
}

beforeAll(async () => {
  t = await channelTestDatabase();
});
afterAll(async () => {
  selectFaceProvider(undefined);
  await t.close();
});
beforeEach(() => {
  freezeTime('2026-11-27T04:00:00.000Z');
  simulator = fakeProvider();
});
afterEach(() => {
  vi.useRealTimers();
  selectFaceProvider(undefined);
  while (unplug.length > 0) unplug.pop()!();
});

function plug(service: { provider: ChannelProvider }) {
  unplug.push(plugChannelProvider(service.provider));
  selectFaceProvider(service.provider.name);
}

const account = () => newAccount(ctx(), 'pull');

/** Steps 1 and 2 up to an open face session, through whichever provider is configured. */
async function waitingForFace() {
  const a = await account();
  const input = personalInfo();
  const { verificationId } = await startPersonalVerification(ctx(), a, input);
  await confirmPersonalVerification(ctx(), a, verificationId);
  const view = await choosePersonalMethod(ctx(), a, verificationId, 'face', CONSENT_VERSION.face);
  return { a, verificationId, input, view, session: await sessionRow(t.db, view.id) };
}

/** How a personal verification ended, as its owner sees it. */
async function ending(a: string, verificationId: string) {
  const wizard = await getPersonalWizard(ctx(), a);
  const overview = await getVerificationOverview(ctx(), a);
  return {
    state: (await getPersonalStatus(ctx(), a, verificationId)).state,
    failure: wizard.kind === 'verification' ? wizard.verification.failure : null,
    subject: overview.subject ? { kind: overview.subject.kind, name: overview.subject.name, methodLabel: overview.subject.methodLabel } : null,
  };
}

/** The same verification with the simulator: its signed push. */
async function endingWithSimulator(result: FaceOutcome) {
  selectFaceProvider(undefined);
  const w = await waitingForFace();
  const res = await deliver('face', signedDelivery('face', { type: 'face_session.completed', data: { sessionId: w.session.externalSessionId, reference: w.session.reference, result } }));
  expect(res.status).toBe(204);
  return ending(w.a, w.verificationId);
}

describe('the face channel through the provider port, its provider swapped by configuration (issue 17)', () => {
  it('runs a personal face verification to success with a pull-shaped provider: no callback, the result fetched by token', async () => {
    const expected = await endingWithSimulator('passed');
    expect(expected).toMatchObject({ state: 'succeeded', failure: null, subject: { kind: 'person', name: '张三' } });

    const service = pullShapedFaceService('pull-test');
    plug(service);
    const w = await waitingForFace();
    // The session is the provider's: its token and its H5 page, shown where the simulator's phone link is.
    expect(w.view.scanUrl).toBe(`https://face.example.test/h5?token=${w.session.externalSessionId}`);
    expect(simulator.calls.filter((c) => c.url.includes('/providers/face/'))).toHaveLength(1); // only the simulator run's

    // Before the person finishes: nothing to apply, the verification waits.
    expect((await pullChannelResult(ctx(), { channel: 'face', token: w.session.externalSessionId })).pulled).toBe('pending');
    expect(await getPersonalStatus(ctx(), w.a, w.verificationId)).toMatchObject({ state: 'awaiting_channel' });

    // This provider pushes nothing: its callback route does not exist.
    const pushed = await deliver('face', signedDelivery('face', { type: 'face_session.completed', data: { sessionId: w.session.externalSessionId, reference: w.session.reference, result: 'passed' } }));
    expect(pushed.status).toBe(404);

    service.play(w.session.externalSessionId, 'passed', { name: '张三', idNumber: w.input.documentNumber });
    const pulled = await pullChannelResult(ctx(), { channel: 'face', token: w.session.externalSessionId });
    expect(pulled).toMatchObject({ pulled: 'stored', session: { state: 'completed', result: 'passed' } });
    expect(await ending(w.a, w.verificationId)).toEqual(expected);

    // Stored like a pushed event, and a settled session is not asked again.
    const [event] = await t.db.select().from(channelEvents).where(eq(channelEvents.subjectId, w.session.externalSessionId));
    expect(event).toMatchObject({ channel: 'face', type: 'face_session.completed', status: 'processed', outcome: 'completed', reference: w.session.reference });
    const asked = service.fetched.length;
    expect((await pullChannelResult(ctx(), { channel: 'face', token: w.session.externalSessionId })).pulled).toBe('not_open');
    expect(service.fetched).toHaveLength(asked);
  });

  it('ends a liveness failure with the same state and reason as the simulator', async () => {
    const expected = await endingWithSimulator('liveness_failed');
    expect(expected).toMatchObject({ state: 'failed', failure: { code: 'liveness_failed' }, subject: null });

    const service = pullShapedFaceService('pull-test');
    plug(service);
    const w = await waitingForFace();
    service.play(w.session.externalSessionId, 'liveness_failed', { name: '张三', idNumber: w.input.documentNumber });
    expect((await pullChannelResult(ctx(), { channel: 'face', token: w.session.externalSessionId })).pulled).toBe('stored');

    expect(await ending(w.a, w.verificationId)).toEqual(expected);
  });

  it('counts a pass only for the person the session was opened for (the provider checks keyed values, never sees ours)', async () => {
    const service = pullShapedFaceService('pull-test');
    plug(service);
    const w = await waitingForFace();
    service.play(w.session.externalSessionId, 'passed', { name: '张三', idNumber: makeResidentId('110105', '19491231', '002') });
    await pullChannelResult(ctx(), { channel: 'face', token: w.session.externalSessionId });

    expect(await ending(w.a, w.verificationId)).toMatchObject({ state: 'failed', failure: { code: 'face_mismatch' } });
  });

  it('settles an open session by polling, without the redirect', async () => {
    const service = pullShapedFaceService('pull-test');
    plug(service);
    const w = await waitingForFace();
    service.play(w.session.externalSessionId, 'passed', { name: ' 张三 ', idNumber: w.input.documentNumber.toLowerCase() });

    const counts = await pollChannelResults(ctx());
    expect(counts).toMatchObject({ stored: 1, failed: 0 });
    expect((await ending(w.a, w.verificationId)).state).toBe('succeeded');
  });

  it('applies a result pulled twice at once, or pushed and pulled at once, exactly once', async () => {
    const service = pullShapedFaceService('pull-test');
    plug(service);
    const twice = await waitingForFace();
    service.play(twice.session.externalSessionId, 'passed', { name: '张三', idNumber: twice.input.documentNumber });
    const both = await Promise.all([1, 2].map(() => pullChannelResult(ctx(), { channel: 'face', token: twice.session.externalSessionId })));
    expect(both.map((b) => b.pulled).sort()).toEqual(['duplicate', 'stored']);

    // A provider that does both (the simulator's signed push beside the pull).
    const pushAndPull = pullShapedFaceService('push-and-pull-test');
    plug({ provider: { name: 'push-and-pull-test', ports: { face: { ...pushAndPull.face, ...signedCallbacks('face') } } } });
    const raced = await waitingForFace();
    pushAndPull.play(raced.session.externalSessionId, 'passed', { name: '张三', idNumber: raced.input.documentNumber });
    const body = { type: 'face_session.completed', data: { sessionId: raced.session.externalSessionId, reference: raced.session.reference, result: 'passed' } };
    const [pushed] = await Promise.all([deliver('face', signedDelivery('face', body)), pullChannelResult(ctx(), { channel: 'face', token: raced.session.externalSessionId })]);
    expect(pushed.status).toBe(204);

    for (const w of [twice, raced]) {
      expect((await ending(w.a, w.verificationId)).state).toBe('succeeded');
      const completions = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'channel_session.completed'), eq(auditLog.target, `channel_session:${w.session.id}`)));
      expect(completions).toHaveLength(1);
    }
    const racedEvents = await t.db.select().from(channelEvents).where(eq(channelEvents.subjectId, raced.session.externalSessionId));
    expect(racedEvents.map((e) => e.status).sort()).toEqual(['ignored', 'processed']);
  });

  it('refuses a provider name nobody provides, naming the variable; and a pull where the provider only pushes', async () => {
    selectFaceProvider('nobody');
    expect(() => channelPort('face')).toThrow(ChannelProviderConfigError);
    expect(() => channelPort('face')).toThrow(/CHANNEL_FACE_PROVIDER=nobody/);

    selectFaceProvider(undefined);
    const w = await waitingForFace();
    await expectAppError(pullChannelResult(ctx(), { channel: 'face', token: w.session.externalSessionId }), 'NOT_FOUND');
  });
});

describe('the poll job asks each open session on its schedule (POLL_SCHEDULE), never twice at once', () => {
  /**
   * A pull-shaped service plugged in, and `count` open sessions opened one after the other
   * `hoursOn` hours after the test's start: past the 2-hour deadline of every session an
   * earlier test opened, so that none of those is due with them.
   */
  async function openSessions(count: number, hoursOn: number) {
    moveTime(hoursOn * 60 * 60_000);
    const service = pullShapedFaceService('pull-test');
    plug(service);
    const opened = [];
    for (let i = 0; i < count; i++) {
      opened.push(await waitingForFace());
      moveTime(1);
    }
    const tokens = opened.map((w) => w.session.externalSessionId);
    return { service, opened, asked: () => service.fetched.filter((token) => tokens.includes(token)) };
  }

  it('asks a new session at once, then every 5 s, every 30 s once it is 5 minutes old; each ask sets the next one the domain says', async () => {
    const { opened, asked } = await openSessions(1, 3);
    const w = opened[0]!;
    const pollAfter = async (ms: number) => {
      moveTime(ms);
      await pollChannelResults(ctx());
      return asked().length;
    };

    expect(await pollAfter(0)).toBe(1);
    const row = await sessionRow(t.db, w.session.id);
    expect(row.nextPollAt).toEqual(nextPollAt(row.createdAt, await ctx().clock.now()));
    expect(row.nextPollAt!.getTime() - (await ctx().clock.now()).getTime()).toBe(5_000);
    expect(await pollAfter(0)).toBe(1); // not due yet
    expect(await pollAfter(4_999)).toBe(1);
    expect(await pollAfter(1)).toBe(2);

    // 6 minutes old: every 30 s.
    expect(await pollAfter(6 * 60_000 - 5_000)).toBe(3);
    expect(await pollAfter(29_999)).toBe(3);
    expect(await pollAfter(1)).toBe(4);
    expect(await ending(w.a, w.verificationId)).toMatchObject({ state: 'awaiting_channel' });
  });

  it('two pollers at once ask for each session once; with more due than the limit, the never-asked go first and every session has its turn', async () => {
    const { service, opened } = await openSessions(3, 6);
    const [first, second, third] = opened.map((w) => w.session.externalSessionId);
    const asks = (token: string | undefined) => service.fetched.filter((t) => t === token).length;

    await Promise.all([pollChannelResults(ctx()), pollChannelResults(ctx())]);
    expect([first, second, third].map(asks)).toEqual([1, 1, 1]);

    // Five seconds on, all three are due again and a fourth session was never asked.
    const fourth = (await waitingForFace()).session.externalSessionId;
    moveTime(5_000);
    await pollChannelResults(ctx(), { limit: 2 });
    expect([first, second, third, fourth].map(asks)).toEqual([2, 1, 1, 1]);
    await pollChannelResults(ctx(), { limit: 2 });
    expect([first, second, third, fourth].map(asks)).toEqual([2, 2, 2, 1]);
    await pollChannelResults(ctx(), { limit: 2 });
    expect([first, second, third, fourth].map(asks)).toEqual([2, 2, 2, 1]);
  });
});
