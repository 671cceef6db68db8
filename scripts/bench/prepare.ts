/**
 * Database side of `npm run bench` (scripts/bench.mjs runs it with tsx):
 *
 *   tsx scripts/bench/prepare.ts prepare <tag> <sessions> <floor sessions>   migrate; make the open sessions
 *   tsx scripts/bench/prepare.ts check <tag>                what the run left behind
 *
 * `prepare` writes, for variant (a), what openChannelSession writes for a WeChat session
 * the provider opened: the succeeded channel_requests row (its idempotency key and
 * answer), the open channel_sessions row and its `channel_session.opened` audit row
 * (chained). Bulk inserts instead of one HTTP round trip per session; the rows are the
 * same. For variants (b) and (c) it (re)creates the bench's own tables in schema `bench`
 * and their open sessions. `check` counts what moved and walks the audit chain.
 *
 * DATABASE_URL must point at a throw-away database: audit rows cannot be deleted.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, like, sql } from 'drizzle-orm';
import { openPostgres, rowsOf, type Db } from '@/db/client';
import { appendAuditEntries, verifyAuditChain, type AuditEntry } from '@/db/queries/audit';
import { readClockOffset } from '@/db/queries/clock';
import { channelEvents, channelRequests, channelSessions } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import type { ChannelSessionPurpose } from '@/lib/domain/channel-session';

/**
 * A purpose whose flow handler finds no request for the bench's sessions and only audits
 * the result as ignored: the bench measures the channel boundary, not a verification flow.
 */
export const BENCH_PURPOSE: ChannelSessionPurpose = 'subject_change';
const BATCH = 1000;
// The provider's session lifetime is 5 minutes; the bench's must outlive a slow build and warm-up.
const SESSION_LIFETIME_MS = 60 * 60_000;

export const productSessionId = (tag: string, i: number) => `bench-${tag}-${i}`;

async function prepare(db: Db, tag: string, count: number, floorCount: number) {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  for (let start = 0; start < count; start += BATCH) {
    const n = Math.min(BATCH, count - start);
    const requests: (typeof channelRequests.$inferInsert)[] = [];
    const sessions: (typeof channelSessions.$inferInsert)[] = [];
    for (let i = start; i < start + n; i++) {
      const external = productSessionId(tag, i);
      const key = randomUUID();
      const scanUrl = `http://127.0.0.1/sim/wechat/s/${external}`;
      requests.push({
        idempotencyKey: key,
        channel: 'wechat' as const,
        operation: 'open_session',
        reference: external,
        status: 'succeeded' as const,
        attempts: 1,
        response: { sessionId: external, scanUrl, expiresAt: expiresAt.toISOString() },
        createdAt: now,
        updatedAt: now,
      });
      sessions.push({
        channel: 'wechat' as const,
        purpose: BENCH_PURPOSE,
        reference: external,
        accountId: null,
        externalSessionId: external,
        scanUrl,
        expiresAt,
        idempotencyKey: key,
        createdAt: now,
        updatedAt: now,
      });
    }
    await db.transaction(async (tx) => {
      await tx.insert(channelRequests).values(requests);
      const rows = await tx.insert(channelSessions).values(sessions).returning();
      const audit: AuditEntry[] = rows.map((row) => ({
        at: now,
        action: 'channel_session.opened',
        accountId: row.accountId,
        target: auditTarget('channel_session', row.id),
        data: { channel: row.channel, purpose: row.purpose, reference: row.reference, expiresAt: row.expiresAt.toISOString() },
      }));
      await appendAuditEntries(tx, audit);
    });
  }

  // The floors (b, b0) and the bare server (c): their own tiny tables, never the product's.
  await db.execute(sql`create schema if not exists bench`);
  await db.execute(sql`drop table if exists bench.events, bench.sessions`);
  await db.execute(sql`create table bench.events (webhook_id varchar(255) primary key, received_at timestamptz not null)`);
  await db.execute(
    sql`create table bench.sessions (id text primary key, state text not null default 'open', result text, settled_at timestamptz)`,
  );
  for (const variant of ['b', 'b0', 'c']) {
    await db.execute(
      sql`insert into bench.sessions (id) select ${`${variant}-${tag}-`} || g from generate_series(0, ${floorCount - 1}::int) g`,
    );
  }
  await db.execute(sql`vacuum analyze bench.sessions`);
  await db.execute(sql`analyze channel_sessions`);
  await db.execute(sql`analyze channel_requests`);
}

async function check(db: Db, tag: string) {
  const pattern = `bench-${tag}-%`;
  const count = async (query: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await db.execute(query))[0]?.n ?? 0);
  const sessionsCompleted = await count(
    sql`select count(*)::int as n from ${channelSessions} where ${channelSessions.externalSessionId} like ${pattern} and ${channelSessions.state} = 'completed'`,
  );
  const eventRows = await db
    .select({ status: channelEvents.status, n: sql<number>`count(*)::int` })
    .from(channelEvents)
    .where(and(eq(channelEvents.channel, 'wechat'), like(channelEvents.subjectId, pattern)))
    .groupBy(channelEvents.status);
  const floor: Record<string, number> = {};
  for (const variant of ['b', 'b0', 'c']) {
    floor[variant] = await count(sql`select count(*)::int as n from bench.sessions where id like ${`${variant}-${tag}-%`} and state = 'completed'`);
  }
  const chain = await verifyAuditChain(db);
  return {
    sessionsCompleted,
    events: Object.fromEntries(eventRows.map((r) => [r.status, Number(r.n)])),
    floorCompleted: floor.b,
    unproxiedFloorCompleted: floor.b0,
    bareCompleted: floor.c,
    auditChain: chain,
  };
}

async function main() {
  const [command, tag, countArg, floorCountArg] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!url || !tag || (command !== 'prepare' && command !== 'check')) {
    console.error('usage: DATABASE_URL=… tsx scripts/bench/prepare.ts prepare <tag> <sessions> [<floor sessions>] | check <tag>');
    process.exit(2);
  }
  const handle = await openPostgres(url, { max: 2 });
  try {
    if (command === 'prepare') {
      const started = Date.now();
      const count = Number(countArg ?? 20_000);
      const floorCount = Number(floorCountArg ?? count);
      await prepare(handle.db, tag, count, floorCount);
      // The product checks timestamps against its clock (real time + the world's offset): sign with the same.
      const clockOffsetMs = await readClockOffset(handle.db);
      console.log(JSON.stringify({ sessions: count, floorSessions: floorCount, clockOffsetMs, seconds: (Date.now() - started) / 1000 }));
    } else {
      console.log(JSON.stringify(await check(handle.db, tag)));
    }
  } finally {
    await handle.close();
  }
}

await main();
