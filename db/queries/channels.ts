import { and, asc, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { anyOf } from './arrays';
import { channelEvents, channelRequests, channelSessions, type ChannelEventRow, type ChannelSessionRow } from '../schema';

type Channel = (typeof channelRequests.$inferInsert)['channel'];

// ---- channel_requests: idempotency keys saved before the call (SECURITY 30) ----

// Namespace of the (int, int) advisory locks below; distinct from the bigint keys used elsewhere.
const REQUEST_SCOPE_LOCK = 727_003;

/**
 * Serialises, until the end of the transaction, everything done for one
 * (channel, operation, reference): claiming its key and settling its answer.
 */
export async function lockChannelRequestScope(db: Db, scope: { channel: Channel; operation: string; reference: string }) {
  await db.execute(sql`select pg_advisory_xact_lock(${REQUEST_SCOPE_LOCK}::int, hashtext(${`${scope.channel}\n${scope.operation}\n${scope.reference}`}))`);
}

/**
 * The pending request of (channel, operation, reference), created with `newKey` when
 * there is none, its attempt counted. Call it under lockChannelRequestScope; the
 * partial unique index keeps one pending row per scope even without the lock.
 */
export async function claimPendingChannelRequest(
  db: Db,
  values: { channel: Channel; operation: string; reference: string; newKey: string; now: Date },
) {
  await db
    .insert(channelRequests)
    .values({
      idempotencyKey: values.newKey,
      channel: values.channel,
      operation: values.operation,
      reference: values.reference,
      createdAt: values.now,
      updatedAt: values.now,
    })
    .onConflictDoNothing();
  const [row] = await db
    .update(channelRequests)
    .set({ attempts: sql`${channelRequests.attempts} + 1`, updatedAt: values.now })
    .where(
      and(
        eq(channelRequests.channel, values.channel),
        eq(channelRequests.operation, values.operation),
        eq(channelRequests.reference, values.reference),
        eq(channelRequests.status, 'pending'),
      ),
    )
    .returning();
  return row;
}

/** Marks a pending request succeeded; false when another caller already settled it. */
export async function markChannelRequestSucceeded(db: Db, key: string, response: unknown, now: Date): Promise<boolean> {
  const rows = await db
    .update(channelRequests)
    .set({ status: 'succeeded', response, lastFailure: null, updatedAt: now })
    .where(and(eq(channelRequests.idempotencyKey, key), eq(channelRequests.status, 'pending')))
    .returning({ key: channelRequests.idempotencyKey });
  return rows.length > 0;
}

/** Records a failed attempt; `final` closes the request (a retry gets a new key), otherwise it stays pending. */
export async function recordChannelRequestFailure(
  db: Db,
  key: string,
  failure: { kind: string; httpStatus?: number; final: boolean; now: Date },
) {
  await db
    .update(channelRequests)
    .set({
      lastFailure: failure.kind,
      lastHttpStatus: failure.httpStatus ?? null,
      updatedAt: failure.now,
      ...(failure.final ? { status: 'failed' as const } : {}),
    })
    .where(and(eq(channelRequests.idempotencyKey, key), eq(channelRequests.status, 'pending')));
}

export async function findChannelRequest(db: Db, key: string) {
  const [row] = await db.select().from(channelRequests).where(eq(channelRequests.idempotencyKey, key));
  return row;
}

// ---- channel_sessions ----

type NewChannelSession = Omit<typeof channelSessions.$inferInsert, 'id' | 'state' | 'createdAt' | 'updatedAt' | 'settledAt'> & { now: Date };

/** Stores an opened session; an existing row for the same external session (a concurrent caller) is answered instead. */
export async function insertChannelSession(db: Db, values: NewChannelSession): Promise<{ row: ChannelSessionRow; inserted: boolean }> {
  const { now, ...rest } = values;
  const [inserted] = await db
    .insert(channelSessions)
    .values({ ...rest, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: [channelSessions.channel, channelSessions.externalSessionId] })
    .returning();
  if (inserted) return { row: inserted, inserted: true };
  const [existing] = await db
    .select()
    .from(channelSessions)
    .where(and(eq(channelSessions.channel, values.channel), eq(channelSessions.externalSessionId, values.externalSessionId)));
  return { row: existing!, inserted: false };
}

export async function findChannelSession(db: Db, id: string) {
  const [row] = await db.select().from(channelSessions).where(eq(channelSessions.id, id));
  return row;
}

/** A session by the provider's own id of it (its token). */
export async function findChannelSessionByExternalId(db: Db, channel: ChannelSessionRow['channel'], externalSessionId: string) {
  const [row] = await db
    .select()
    .from(channelSessions)
    .where(and(eq(channelSessions.channel, channel), eq(channelSessions.externalSessionId, externalSessionId)));
  return row;
}

/**
 * Claims up to `limit` open sessions of `channel`, within their deadline, whose result is
 * due to be asked for at `now` — never asked first, then the longest due — and sets each
 * one's next ask to `nextAsk(session)`. Locked with SKIP LOCKED in one transaction: two
 * pollers never claim a session for the same ask.
 */
export async function claimChannelSessionsToPoll(
  db: Db,
  channel: ChannelSessionRow['channel'],
  now: Date,
  limit: number,
  nextAsk: (session: ChannelSessionRow) => Date,
): Promise<ChannelSessionRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(channelSessions)
      .where(
        and(
          eq(channelSessions.channel, channel),
          eq(channelSessions.state, 'open'),
          gt(channelSessions.expiresAt, now),
          or(isNull(channelSessions.nextPollAt), lte(channelSessions.nextPollAt, now)),
        ),
      )
      .orderBy(sql`${channelSessions.nextPollAt} nulls first`, asc(channelSessions.createdAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return due;
    const claimed = due.map((session) => ({ ...session, nextPollAt: nextAsk(session) }));
    // One statement whatever the number of sessions; text arrays, cast per element (as the audit chain's insertChain does).
    await tx.execute(sql`
      update ${channelSessions} set next_poll_at = asks.at::timestamptz
      from unnest(${sql.param(claimed.map((c) => c.id))}::text[], ${sql.param(claimed.map((c) => c.nextPollAt.toISOString()))}::text[]) as asks(id, at)
      where ${channelSessions}.id = asks.id::uuid`);
    return claimed;
  });
}

/** The newest session of `channel` for (purpose, reference), if any. */
export async function findLatestChannelSession(db: Db, filter: { channel: Channel; purpose: string; reference: string }) {
  const [row] = await db
    .select()
    .from(channelSessions)
    .where(
      and(
        eq(channelSessions.channel, filter.channel as ChannelSessionRow['channel']),
        eq(channelSessions.purpose, filter.purpose as ChannelSessionRow['purpose']),
        eq(channelSessions.reference, filter.reference),
      ),
    )
    .orderBy(sql`${channelSessions.createdAt} desc`)
    .limit(1);
  return row;
}

/** The newest session opened by a request of this scope (channel_requests.reference), if any. */
export async function findLatestSessionOfRequestScope(db: Db, scope: { channel: Channel; operation: string; reference: string }) {
  const [row] = await db
    .select({ session: channelSessions })
    .from(channelSessions)
    .innerJoin(channelRequests, eq(channelRequests.idempotencyKey, channelSessions.idempotencyKey))
    .where(and(eq(channelRequests.channel, scope.channel), eq(channelRequests.operation, scope.operation), eq(channelRequests.reference, scope.reference)))
    .orderBy(sql`${channelSessions.createdAt} desc`)
    .limit(1);
  return row?.session;
}

/**
 * Open sessions past their deadline, locked; rows another sweeper holds are skipped,
 * so two sweepers never claim the same session.
 */
export async function claimOverdueChannelSessions(db: Db, now: Date, limit: number) {
  return db
    .select()
    .from(channelSessions)
    .where(and(eq(channelSessions.state, 'open'), lte(channelSessions.expiresAt, now)))
    .orderBy(asc(channelSessions.expiresAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Settles an open session; answers the settled row, or undefined when it was no longer open (the state guard). */
export async function settleChannelSession(
  db: Db,
  id: string,
  values: Pick<ChannelSessionRow, 'state' | 'result' | 'birthDate' | 'verifiedEnterpriseName'> & { now: Date },
): Promise<ChannelSessionRow | undefined> {
  const [row] = await settleChannelSessions(db, [id], values);
  return row;
}

/**
 * The sessions callbacks are about, locked FOR UPDATE for the rest of the transaction.
 * Locked in id order, so that two transactions locking overlapping sets never deadlock.
 */
export async function lockChannelSessionsByExternalIds(
  db: Db,
  keys: { channel: ChannelSessionRow['channel']; externalSessionId: string }[],
): Promise<ChannelSessionRow[]> {
  if (keys.length === 0) return [];
  const byChannel = new Map<ChannelSessionRow['channel'], string[]>();
  for (const k of keys) byChannel.set(k.channel, [...(byChannel.get(k.channel) ?? []), k.externalSessionId]);
  const matches = [...byChannel].map(([channel, ids]) =>
    and(eq(channelSessions.channel, channel), anyOf(channelSessions.externalSessionId, ids)),
  );
  return db
    .select()
    .from(channelSessions)
    .where(matches.length === 1 ? matches[0] : or(...matches))
    .orderBy(asc(channelSessions.id))
    .for('update')
    .prepare('lock_channel_sessions_by_external_ids')
    .execute();
}

/** Settles open sessions to the same values; answers the rows settled (a session no longer open is left out). */
export async function settleChannelSessions(
  db: Db,
  ids: string[],
  values: Pick<ChannelSessionRow, 'state' | 'result' | 'birthDate' | 'verifiedEnterpriseName'> & { now: Date },
): Promise<ChannelSessionRow[]> {
  if (ids.length === 0) return [];
  return db
    .update(channelSessions)
    .set({
      state: values.state,
      result: values.result,
      birthDate: values.birthDate,
      verifiedEnterpriseName: values.verifiedEnterpriseName,
      settledAt: values.now,
      updatedAt: values.now,
    })
    .where(and(anyOf(channelSessions.id, ids), eq(channelSessions.state, 'open')))
    .returning()
    .prepare('settle_channel_sessions')
    .execute();
}

// ---- channel_events: dedup and store-then-process (SECURITY A4, A6) ----
//
// The callback path's statements are prepared (`.prepare(name)`): postgres.js then sends
// each in one round trip (an unprepared statement with parameters is described first, a
// round trip of its own) and can pipeline several of them in one write.

type NewChannelEvent = Pick<typeof channelEvents.$inferInsert, 'channel' | 'webhookId' | 'type' | 'subjectId' | 'reference' | 'payloadEnc' | 'receivedAt'>;

function prepareInsertChannelEvent(db: Db) {
  const p = (name: keyof NewChannelEvent) => sql.placeholder(name);
  return db
    .insert(channelEvents)
    .values({
      channel: p('channel'),
      webhookId: p('webhookId'),
      type: p('type'),
      subjectId: p('subjectId'),
      reference: p('reference'),
      payloadEnc: p('payloadEnc'),
      receivedAt: p('receivedAt'),
      attempts: 1,
    })
    .onConflictDoNothing({ target: [channelEvents.channel, channelEvents.webhookId] })
    .returning({ id: channelEvents.id, status: channelEvents.status })
    .prepare('insert_channel_event');
}
// Built once per database handle: every callback runs it, and building the statement costs more than sending it.
const insertChannelEventStatements = new WeakMap<Db, ReturnType<typeof prepareInsertChannelEvent>>();

/** Stores an event as `received` (its first processing attempt counted); undefined when its webhook-id is already stored. */
export async function insertChannelEvent(db: Db, values: NewChannelEvent) {
  let statement = insertChannelEventStatements.get(db);
  if (!statement) insertChannelEventStatements.set(db, (statement = prepareInsertChannelEvent(db)));
  const [row] = await statement.execute({ ...values, subjectId: values.subjectId ?? null, reference: values.reference ?? null });
  return row;
}

export async function findChannelEventByWebhookId(db: Db, channel: Channel, webhookId: string) {
  const [row] = await db
    .select()
    .from(channelEvents)
    .where(and(eq(channelEvents.channel, channel), eq(channelEvents.webhookId, webhookId)))
    .prepare('find_channel_event_by_webhook_id')
    .execute();
  return row;
}

/**
 * The events among `ids` that still wait to be processed, locked. SKIP LOCKED: an event
 * another worker is processing right now is left to it.
 */
export async function claimReceivedChannelEvents(db: Db, ids: string[]): Promise<ChannelEventRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(channelEvents)
    .where(and(anyOf(channelEvents.id, ids), eq(channelEvents.status, 'received')))
    .for('update', { skipLocked: true })
    .prepare('claim_received_channel_events')
    .execute();
}

export async function markChannelEvents(
  db: Db,
  ids: string[],
  values: { status: 'processed' | 'ignored' | 'deferred'; outcome: string; now: Date },
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(channelEvents)
    .set({ status: values.status, outcome: values.outcome, processedAt: values.now })
    .where(anyOf(channelEvents.id, ids))
    .prepare('mark_channel_events')
    .execute();
}

/** Ids of events still `received` since before `before` (their first processing failed or never ran). */
export async function listStalledChannelEvents(db: Db, before: Date, maxAttempts: number, limit: number) {
  const rows = await db
    .select({ id: channelEvents.id })
    .from(channelEvents)
    .where(and(eq(channelEvents.status, 'received'), lte(channelEvents.receivedAt, before), lt(channelEvents.attempts, maxAttempts)))
    .orderBy(asc(channelEvents.receivedAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function countChannelEventAttempt(db: Db, id: string) {
  await db
    .update(channelEvents)
    .set({ attempts: sql`${channelEvents.attempts} + 1` })
    .where(eq(channelEvents.id, id))
    .prepare('count_channel_event_attempt')
    .execute();
}

/** Deletes settled events received before `before`; `received` and `deferred` rows are kept (still to be handled). */
export async function deleteSettledChannelEvents(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(channelEvents)
    .where(and(inArray(channelEvents.status, ['processed', 'ignored']), lt(channelEvents.receivedAt, before)))
    .returning({ id: channelEvents.id });
  return rows.length;
}
