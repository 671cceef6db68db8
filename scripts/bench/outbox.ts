/**
 * The `outbox` suite of `npm run bench` (issue 19, item 5): outbox throughput of ONE
 * worker. 1,000 due outbox messages (SMS and WeChat: through the notify channel), a
 * local notify channel that answers each after 200 ms, and the product's worker as
 * `npm run worker` runs it (lib/jobs/product-worker.ts: every job each tick, the outbox
 * pass with DELIVERY_CONCURRENCY sends at a time). Prints how long until every message
 * was marked sent against the target (≤ 30 s), and checks at the receiver that each
 * arrived exactly once and in the database that each is `sent` on its first try.
 *
 * DATABASE_URL must be a throw-away PostgreSQL database (scripts/bench.mjs starts one);
 * `npx tsx scripts/bench/outbox.ts` runs it alone. Options (env): BENCH_OUTBOX_MESSAGES
 * (1000), BENCH_OUTBOX_DELAY_MS (200), DELIVERY_CONCURRENCY (the product's default).
 * Exits 1 on a timeout or a failed check; the target is printed, not enforced.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, count, eq, inArray } from 'drizzle-orm';
import { closeDatabase, getDb } from '@/db/client';
import { outboxMessages } from '@/db/schema';
import { databaseClock } from '@/lib/clock';
import { env, resetEnvCache } from '@/lib/env';
import { ensureProductWorker, stopProductWorker } from '@/lib/jobs/product-worker';
import { encryptField } from '@/lib/security/crypto';
import { OUTBOX_RECIPIENT_CONTEXT } from '@/db/schema';
import { registerAccount } from '@/lib/features/account';

const MESSAGES = Number(process.env.BENCH_OUTBOX_MESSAGES ?? 1000);
const DELAY_MS = Number(process.env.BENCH_OUTBOX_DELAY_MS ?? 200);
const TARGET_S = 30;
// Long enough for a badly loaded machine to finish; a run that takes this long has failed anyway.
const GIVE_UP_MS = 180_000;

const say = (message: string) => console.log(`[bench outbox] ${message}`);

/** The notify channel: counts each idempotency key, answers 201 after DELAY_MS. */
function startReceiver() {
  const arrivals = new Map<string, number>();
  let last = 0;
  const server = http.createServer((req, res) => {
    const key = String(req.headers['idempotency-key']);
    arrivals.set(key, (arrivals.get(key) ?? 0) + 1);
    last = performance.now();
    req.resume();
    const timer = setTimeout(() => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ messageId: `ntf_${key}` })), DELAY_MS);
    res.on('close', () => clearTimeout(timer));
  });
  return {
    arrivals,
    lastArrival: () => last,
    listen: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL: a throw-away PostgreSQL database');
  const receiver = startReceiver();
  process.env.CHANNEL_NOTIFY_URL = await receiver.listen();
  resetEnvCache();

  const db = await getDb();
  const clock = databaseClock(db);
  const now = await clock.now();
  const account = await registerAccount({ db, clock }, { email: `bench-outbox-${now.getTime()}@example.com`, password: 'Passw0rd!bench', emailConfirmed: true });
  const toEnc = encryptField('13800000000', OUTBOX_RECIPIENT_CONTEXT);
  const kinds = ['sms', 'wechat'] as const;
  const ids: string[] = [];
  for (let i = 0; i < MESSAGES; i += 500) {
    const rows = await db
      .insert(outboxMessages)
      .values(
        Array.from({ length: Math.min(500, MESSAGES - i) }, (_, j) => ({
          accountId: account.id,
          kind: kinds[(i + j) % 2]!,
          toEnc,
          event: 'change_completed',
          body: `消息 ${i + j}`,
          createdAt: now,
          nextAttemptAt: new Date(now.getTime() - 1_000),
        })),
      )
      .returning({ id: outboxMessages.id });
    ids.push(...rows.map((r) => r.id));
  }
  const pending = async () => {
    const [row] = await db
      .select({ n: count() })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.status, 'pending'), inArray(outboxMessages.id, ids)));
    return row!.n;
  };
  say(`${ids.length} due messages; notify channel answers after ${DELAY_MS} ms; one worker, DELIVERY_CONCURRENCY ${env().DELIVERY_CONCURRENCY}`);

  const started = performance.now();
  ensureProductWorker();
  let left = ids.length;
  while (left > 0 && performance.now() - started < GIVE_UP_MS) {
    await new Promise((r) => setTimeout(r, 50));
    left = await pending();
  }
  const seconds = (performance.now() - started) / 1000;
  await stopProductWorker({ graceMs: 5_000 });

  const rows = await db.select({ id: outboxMessages.id, status: outboxMessages.status, attempts: outboxMessages.attempts }).from(outboxMessages).where(inArray(outboxMessages.id, ids));
  const notOnce = ids.filter((id) => receiver.arrivals.get(id) !== 1);
  const notSentFirstTry = rows.filter((r) => r.status !== 'sent' || r.attempts !== 1);
  const lastArrivalS = (receiver.lastArrival() - started) / 1000;
  await receiver.close();
  await closeDatabase();

  const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log('');
  if (left > 0) console.log(`outbox: ${left} of ${ids.length} messages still pending after ${seconds.toFixed(1)} s`);
  else console.log(`outbox: ${ids.length} messages sent by one worker in ${seconds.toFixed(1)} s (last arrival at the receiver ${lastArrivalS.toFixed(1)} s) — target ≤ ${TARGET_S} s · measured ${seconds.toFixed(2)} s · ${(seconds / TARGET_S).toFixed(2)} of target`);
  console.log(`check: ${ids.length - notOnce.length} of ${ids.length} received exactly once at the notify channel; ${rows.length - notSentFirstTry.length} sent on their first try; load average ${load}`);
  if (left > 0 || notOnce.length > 0 || notSentFirstTry.length > 0 || rows.length !== ids.length) {
    console.error(`[bench outbox] PROBLEM: ${notOnce.length} not received exactly once, ${notSentFirstTry.length} not sent on the first try`);
    process.exit(1);
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
