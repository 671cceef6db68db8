import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { channelEventsApplied, MAX_QUEUED_EVENTS, recordChannelEvent } from '@/lib/features/channels/record-channel-event';
import { channelTestFile, completed, eventRows, openSession, serviceContext, sessionRow } from './support';

const t = channelTestFile();

/**
 * A service context whose applying transactions start only once `open()` is called: what
 * a slow batch looks like to the callbacks behind it.
 */
function gatedContext() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  const db = new Proxy(t.db, {
    get(target, property) {
      if (property === 'transaction') return async (...args: Parameters<Db['transaction']>) => (await opened, target.transaction(...args));
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { ctx: serviceContext(db), open };
}

const callback = (session: { externalSessionId: string; reference: string }) =>
  ({ channel: 'wechat', webhookId: `msg_${session.externalSessionId}`, body: completed(session) }) as Parameters<typeof recordChannelEvent>[1];

const settledWithin = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

describe('callbacks are acknowledged once stored (SECURITY A6, docs/decisions/0035)', () => {
  it('answers once the event is stored, before it is applied; it is applied after, once', async () => {
    const session = await openSession(t.db);
    const { ctx, open } = gatedContext();

    const reply = await recordChannelEvent(ctx, callback(session), { until: 'stored' });

    expect(reply).toEqual({ duplicate: false, outcome: { status: 'received' } });
    expect((await eventRows(t.db, 'wechat')).find((e) => e.subjectId === session.externalSessionId)?.status).toBe('received');
    expect((await sessionRow(t.db, session.id)).state).toBe('open');

    open();
    await channelEventsApplied();
    expect((await eventRows(t.db, 'wechat')).find((e) => e.subjectId === session.externalSessionId)?.status).toBe('processed');
    expect((await sessionRow(t.db, session.id)).state).toBe('completed');
  });

  it('by default answers once the event is applied (a pulled result reads its effect next)', async () => {
    const session = await openSession(t.db);
    const { ctx, open } = gatedContext();

    const reply = recordChannelEvent(ctx, callback(session));
    expect(await settledWithin(reply, 200)).toBe(false);
    open();

    expect((await reply).outcome).toMatchObject({ status: 'processed' });
    expect((await sessionRow(t.db, session.id)).state).toBe('completed');
  });

  it(`makes a callback wait for its batch once more than ${MAX_QUEUED_EVENTS} events are queued`, async () => {
    const sessions = await Promise.all(Array.from({ length: MAX_QUEUED_EVENTS + 2 }, () => openSession(t.db)));
    const { ctx, open } = gatedContext();

    // The first is taken into a batch at once (held at the gate); the next MAX_QUEUED_EVENTS wait in the queue.
    for (const session of sessions.slice(0, -1)) expect((await recordChannelEvent(ctx, callback(session), { until: 'stored' })).outcome).toEqual({ status: 'received' });
    const last = recordChannelEvent(ctx, callback(sessions.at(-1)!), { until: 'stored' });
    expect(await settledWithin(last, 300)).toBe(false);
    open();

    expect((await last).outcome).toMatchObject({ status: 'processed' });
    await channelEventsApplied();
    for (const session of sessions) expect((await sessionRow(t.db, session.id)).state).toBe('completed');
  });
});
