import { performance } from 'node:perf_hooks';
import { describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/verification/personal/status/route';
import { notifyStatusChanges } from '@/db/queries/status-changes';
import { awaitStatusChange, RECHECK_MS } from '@/lib/features/live/await-status-change';
import { choosePersonalMethod } from '@/lib/features/personal/choose-personal-method';
import { confirmPersonalVerification } from '@/lib/features/personal/confirm-personal-verification';
import { getPersonalStatus } from '@/lib/features/personal/get-personal-status';
import { startPersonalVerification } from '@/lib/features/personal/start-personal-verification';
import { openDatabaseSecondHandle } from '../channels/second-handle';
import { channelTestBed, completed, deliver, fakeProvider, sessionRow, signedDelivery } from '../channels/support';
import { personalInfo, uniqueEmail } from '../support/factories';
import { APP_ORIGIN, handle, signedInUser, type TestUser } from '../support/requests';

vi.mock('next-auth', async (original) => (await import('../support/next-mocks')).withTestSession(original));

/** Issue 19 item 3: the waiting page learns a verification's result within a second (docs/decisions/0019). */

const t = channelTestBed(fakeProvider, '2026-11-27T04:00:00.000Z');
const ctx = t.ctx;

/** A signed-in account waiting for the phone on WeChat: its verification and the session a callback names. */
async function waiting(): Promise<{ user: TestUser; verificationId: string; session: Awaited<ReturnType<typeof sessionRow>> }> {
  const user = await signedInUser(t.db, uniqueEmail('live'));
  const { verificationId } = await startPersonalVerification(ctx(), user.accountId, personalInfo());
  await confirmPersonalVerification(ctx(), user.accountId, verificationId);
  const opened = await choosePersonalMethod(ctx(), user.accountId, verificationId, 'wechat');
  return { user, verificationId, session: await sessionRow(t.db, opened.id) };
}

function statusRequest(user: TestUser | null, params: Record<string, string>): Request {
  return new Request(`${APP_ORIGIN}/api/verification/personal/status?${new URLSearchParams(params)}`, { headers: user ? { cookie: user.cookie } : {} });
}

const WAITING = { state: 'awaiting_channel', sessionState: 'open' };

describe('the status route as a long-poll', () => {
  it('answers the result within moments of the callback’s event being applied (the wake-up, not the re-check)', async () => {
    const { user, verificationId, session } = await waiting();
    const polled = handle(GET, statusRequest(user, { id: verificationId, ...WAITING }));
    let answeredAt = 0;
    void polled.then(() => (answeredAt = performance.now()));
    // Held: nothing moved yet.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(answeredAt).toBe(0);

    // deliver: the 204 (once stored), then the event's batch applied.
    const res = await deliver('wechat', signedDelivery('wechat', completed(session, 'matched')));
    expect(res.status).toBe(204);
    const appliedAt = performance.now();
    const answer = await polled;
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    // Only the two codes: no personal data.
    expect(await answer.json()).toEqual({ state: 'succeeded', sessionState: null });
    // The batch that applied the event woke the waiter; the PGlite re-check alone would take up to 300 ms.
    expect(answeredAt - appliedAt).toBeLessThan(RECHECK_MS.alone / 2);
  });

  it('answers at once when the page is already behind, and plainly without the state it shows', async () => {
    const { user, verificationId } = await waiting();
    const started = performance.now();
    const behind = await handle(GET, statusRequest(user, { id: verificationId, state: 'confirmed', sessionState: '' }));
    expect(await behind.json()).toEqual(WAITING);
    const plain = await handle(GET, statusRequest(user, { id: verificationId }));
    expect(await plain.json()).toEqual(WAITING);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("authorises by itself before it waits: no session 401, another account's verification 404, a bad state 404 — at once", async () => {
    const { user, verificationId } = await waiting();
    const other = await waiting();
    const started = performance.now();
    expect((await handle(GET, statusRequest(null, { id: verificationId, ...WAITING }))).status).toBe(401);
    expect((await handle(GET, statusRequest(other.user, { id: verificationId, ...WAITING }))).status).toBe(404);
    expect((await handle(GET, statusRequest(user, { id: verificationId, state: 'x y', sessionState: '' }))).status).toBe(404);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('awaitStatusChange', () => {
  const read = (accountId: string, verificationId: string) => () => getPersonalStatus(ctx(), accountId, verificationId);

  it('holds while nothing moved and then answers the status unchanged', async () => {
    const { user, verificationId } = await waiting();
    const started = performance.now();
    const status = await awaitStatusChange(ctx(), user.accountId, read(user.accountId, verificationId), WAITING, { holdMs: 700 });
    expect(status).toEqual(WAITING);
    expect(performance.now() - started).toBeGreaterThanOrEqual(690);
  });

  it('sees a change nobody announced within its re-check interval', async () => {
    const { user, verificationId } = await waiting();
    let moved = false;
    const reader = async () => (moved ? { state: 'succeeded', sessionState: null } : read(user.accountId, verificationId)());
    const waited = awaitStatusChange(ctx(), user.accountId, reader, WAITING, { holdMs: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    moved = true;
    const movedAt = performance.now();
    expect((await waited).state).toBe('succeeded');
    const interval = t.kind === 'postgres' ? RECHECK_MS.listening : RECHECK_MS.alone;
    expect(performance.now() - movedAt).toBeLessThan(interval + 250);
  });

  it('answers at once when its signal aborts (the page left, the process shuts down)', async () => {
    const { user, verificationId } = await waiting();
    const abort = new AbortController();
    const started = performance.now();
    const waited = awaitStatusChange(ctx(), user.accountId, read(user.accountId, verificationId), WAITING, { holdMs: 5000, signal: abort.signal });
    setTimeout(() => abort.abort(), 100);
    expect(await waited).toEqual(WAITING);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("wakes on another instance's announcement (PostgreSQL LISTEN/NOTIFY; PGlite has one process and re-checks)", async () => {
    const { user, verificationId } = await waiting();
    // The change happens where this process's in-process wake-up cannot see it: only the notification (or the re-check) tells.
    let moved = false;
    const reader = async () => (moved ? { state: 'succeeded', sessionState: null } : read(user.accountId, verificationId)());
    const waited = awaitStatusChange(ctx(), user.accountId, reader, WAITING, { holdMs: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = await openDatabaseSecondHandle(t);
    try {
      moved = true;
      await notifyStatusChanges(second.db, 'another-instance', [user.accountId]);
      const announcedAt = performance.now();
      expect((await waited).state).toBe('succeeded');
      // Listening (PostgreSQL), the re-check is 2 s: only the notification explains an answer this fast.
      expect(performance.now() - announcedAt).toBeLessThan(t.kind === 'postgres' ? RECHECK_MS.listening / 2 : RECHECK_MS.alone + 250);
    } finally {
      await second.close();
    }
  });
});
