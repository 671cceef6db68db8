import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, rowsOf, setDatabase } from '@/db/client';
import { insertOutboxMessages } from '@/db/queries/outbox';
import { outboxMessages } from '@/db/schema';
import { register } from '@/instrumentation';
import { resetEnvCache } from '@/lib/env';
import { stopProductWorker } from '@/lib/jobs/product-worker';
import { encryptField } from '@/lib/security/crypto';
import { OUTBOX_RECIPIENT_CONTEXT } from '@/db/schema';
import { registerAccount } from '@/lib/features/account/register-account';
import { messagesOf } from '../support/expect-error';
import { createTestDatabase, ctx, testDatabaseKind, type TestDatabase } from '../support/test-db';

/**
 * Process roles and graceful shutdown (issue 15, docs/decisions/0017): `npm run worker` as an
 * operator runs it, SIGTERM in the middle of a batch, a web process with WORKERS=off, and the
 * pool's limits. The worker processes need PostgreSQL (PGlite allows one process per folder).
 */
const root = path.resolve(import.meta.dirname, '../../..');
const onPostgres = testDatabaseKind() === 'postgres';

let t: TestDatabase;
let receiver: Awaited<ReturnType<typeof startNotifyReceiver>>;
let account: string;

beforeAll(async () => {
  t = await createTestDatabase();
  receiver = await startNotifyReceiver();
  account = (await registerAccount(ctx(t.db), { email: `roles-${process.pid}@example.com`, password: 'Passw0rd!', emailConfirmed: true })).id;
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

/** The notify channel on a real port: each request's idempotency key recorded on arrival, answered after `delayMs`. */
async function startNotifyReceiver() {
  const arrivals: string[] = [];
  const state = { delayMs: 0 };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const key = String(req.headers['idempotency-key']);
      arrivals.push(key);
      setTimeout(() => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ messageId: `ntf_${key}` }));
      }, state.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrivals,
    state,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `count` SMS messages due long ago; answers their ids. */
async function dueMessages(count: number): Promise<string[]> {
  const at = new Date('2025-01-06T02:00:00.000Z');
  const before = new Set((await t.db.select({ id: outboxMessages.id }).from(outboxMessages)).map((r) => r.id));
  await insertOutboxMessages(
    t.db,
    Array.from({ length: count }, (_, i) => ({
      accountId: account,
      kind: 'sms' as const,
      toEnc: encryptField(`1380013${String(i).padStart(4, '0')}`, OUTBOX_RECIPIENT_CONTEXT),
      event: 'review_approved',
      body: `【云控制台】消息 ${i}`,
      createdAt: at,
      nextAttemptAt: at,
    })),
  );
  return (await t.db.select({ id: outboxMessages.id }).from(outboxMessages)).map((r) => r.id).filter((id) => !before.has(id));
}

function rowsOfIds(ids: string[]) {
  return t.db.select().from(outboxMessages).where(inArray(outboxMessages.id, ids));
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface WorkerProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

/** `npm run worker` with the test's keys and `env` on top. */
function startWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn('npm', ['run', '--silent', 'worker'], {
    cwd: root,
    env: { ...process.env, CHANNEL_NOTIFY_URL: receiver.url, SIMULATORS_ENABLED: 'false', LOG_LEVEL: 'info', ...env },
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

describe('npm run worker', () => {
  it('refuses the embedded database: one process per PGlite folder', async () => {
    const dir = path.join(os.tmpdir(), `realname-worker-refused-${process.pid}`);
    const worker = startWorker({ DATABASE_URL: '', PGLITE_DIR: dir });
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toContain('npm run worker needs PostgreSQL (DATABASE_URL)');
    expect(fs.existsSync(dir)).toBe(false);
  });

  if (onPostgres) {
    it('delivers a due outbox message to the notify channel, then exits 0 on SIGTERM', async () => {
      const [id] = await dueMessages(1);
      const metricsPort = await freePort();
      const token = 'worker-scrape-token-0123456789';
      const worker = startWorker({ DATABASE_URL: t.url!, SHUTDOWN_GRACE_MS: '5000', WORKER_METRICS_PORT: String(metricsPort), METRICS_TOKEN: token });
      try {
        await until(async () => (await rowsOfIds([id!]))[0]!.status === 'sent', 25_000, 'the message to be sent');
        // Its job metrics are scraped from the worker itself (it has no web server otherwise).
        const scrape = await fetch(`http://127.0.0.1:${metricsPort}/api/metrics`, { headers: { authorization: `Bearer ${token}` } });
        expect(scrape.status).toBe(200);
        const text = await scrape.text();
        expect(text).toMatch(/realname_job_run_seconds_count\{job="outbox"\} [1-9]/);
        expect(text).toMatch(/realname_deliveries_total\{channel="\w+",outcome="sent"\} 1/);
      } finally {
        worker.child.kill('SIGTERM');
      }
      expect(await worker.exited, worker.output()).toBe(0);
      expect(receiver.arrivals.filter((key) => key === id)).toEqual([id]);
      expect(worker.output()).toContain('"event":"shutdown.done"');
    }, 40_000);

    it('SIGTERM in the middle of a batch to a slow channel: exits 0 within the grace period, loses nothing, and the next worker sends the rest once each', async () => {
      const GRACE_MS = 5_000;
      const ids = await dueMessages(30);
      const arrivedBefore = receiver.arrivals.length;
      receiver.state.delayMs = 2_000;
      const first = startWorker({ DATABASE_URL: t.url!, SHUTDOWN_GRACE_MS: String(GRACE_MS) });
      await until(() => receiver.arrivals.length > arrivedBefore, 25_000, 'the first delivery to start');
      await new Promise((r) => setTimeout(r, 300));
      const signalledAt = performance.now();
      first.child.kill('SIGTERM');
      expect(await first.exited, first.output()).toBe(0);
      expect(performance.now() - signalledAt).toBeLessThan(GRACE_MS + 2_000);

      const arrived = receiver.arrivals.slice(arrivedBefore);
      const afterFirst = await rowsOfIds(ids);
      for (const row of afterFirst) {
        // Sent, or pending again and free for the next worker at once (no lease to wait out).
        if (row.status === 'sent') expect(arrived).toContain(row.id);
        else expect(row, `message ${row.id}`).toMatchObject({ status: 'pending', leasedUntil: null });
      }
      expect(afterFirst.some((r) => r.status === 'pending')).toBe(true);

      receiver.state.delayMs = 0;
      const second = startWorker({ DATABASE_URL: t.url!, SHUTDOWN_GRACE_MS: String(GRACE_MS) });
      try {
        await until(async () => (await rowsOfIds(ids)).every((r) => r.status === 'sent'), 25_000, 'every message to be sent');
      } finally {
        second.child.kill('SIGTERM');
      }
      expect(await second.exited, second.output()).toBe(0);
      expect([...receiver.arrivals.slice(arrivedBefore)].sort()).toEqual([...ids].sort());
    }, 60_000);
  }
});

describe('a web process (instrumentation) and WORKERS', () => {
  it('WORKERS=off runs none of the product’s jobs (a due message stays pending); WORKERS=on sends it', async () => {
    const settings = { NEXT_RUNTIME: 'nodejs', SIMULATORS_ENABLED: 'false', CHANNEL_NOTIFY_URL: receiver.url, SHUTDOWN_GRACE_MS: '1000', WORKERS: 'off' };
    const saved = Object.fromEntries(Object.keys(settings).map((k) => [k, process.env[k]]));
    Object.assign(process.env, settings);
    resetEnvCache();
    setDatabase({ db: t.db, kind: t.kind, close: async () => {} });
    const [id] = await dueMessages(1);
    try {
      await register();
      // A runner ticks at once on start: well within this wait.
      await new Promise((r) => setTimeout(r, 1_500));
      expect((await rowsOfIds([id!]))[0]).toMatchObject({ status: 'pending', attempts: 0 });
      expect(receiver.arrivals).not.toContain(id);

      process.env.WORKERS = 'on';
      resetEnvCache();
      await register();
      await until(async () => (await rowsOfIds([id!]))[0]!.status === 'sent', 15_000, 'the message to be sent');
      expect(receiver.arrivals.filter((key) => key === id)).toEqual([id]);
    } finally {
      await stopProductWorker({ graceMs: 1_000 });
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      resetEnvCache();
    }
  });
});

if (onPostgres) {
  describe('the PostgreSQL pool: DATABASE_POOL_MAX and DATABASE_STATEMENT_TIMEOUT_MS', () => {
    it('the app’s connections carry the statement timeout (default 30 s)', async () => {
      expect(rowsOf<{ statement_timeout: string }>(await t.db.execute(sql`show statement_timeout`))[0]!.statement_timeout).toBe('30s');
    });

    it('a statement over the timeout fails; the pool never holds more connections than its max', async () => {
      const handle = await openPostgres(t.url!, { max: 2, statementTimeoutMs: 200 });
      try {
        const slow = await handle.db.execute(sql`select pg_sleep(1)`).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(messagesOf(slow)).toContain('statement timeout');

        const answers = await Promise.all(Array.from({ length: 6 }, () => handle.db.execute(sql`select pg_backend_pid() as pid, pg_sleep(0.05)`)));
        expect(new Set(answers.map((a) => rowsOf<{ pid: number }>(a)[0]!.pid)).size).toBe(2);
      } finally {
        await handle.close();
      }
    });
  });
}
