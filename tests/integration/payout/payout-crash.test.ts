import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processDatabase, type ProcessDatabase } from '../support/process-database';
import { testDatabaseKind } from '../support/test-db';
import { approvedPayout, payoutChannels, payoutRow } from './support';

/**
 * Issue 7 / SECURITY 29–30 with a real kill: the reviewer approved (payout_pending), the
 * product process sends the payout, the bank performs it — and the process is SIGKILLed
 * before it hears the answer. A restarted process finds the saved idempotency key, asks
 * again with it, and the bank (one payout per key, as the simulator bank) pays once.
 */
const root = path.resolve(import.meta.dirname, '../../..');
let handle: ProcessDatabase;

beforeAll(async () => {
  handle = await processDatabase('payout-crash-');
});
afterAll(async () => handle?.dispose());

/** A bank over real HTTP: one payout per idempotency key; `hangFirst` pays the first request and never answers it. */
function startBank() {
  const payouts = new Map<string, string>();
  const requests: string[] = [];
  let hang = true;
  let onPaid: (() => void) | undefined;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/payouts')) {
        res.writeHead(404).end();
        return;
      }
      const key = String(req.headers['idempotency-key']);
      requests.push(key);
      if (!payouts.has(key)) payouts.set(key, `pay_${randomUUID()}`);
      if (hang) {
        hang = false;
        onPaid?.(); // paid; the answer never leaves
        return;
      }
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ payoutId: payouts.get(key), status: 'pending', expectedArrival: new Date(Date.now() + 3 * 86_400_000).toISOString() }));
      void body;
    });
  });
  return {
    payouts,
    requests,
    paid: new Promise<void>((resolve) => (onPaid = resolve)),
    listen: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function productProcess(bankUrl: string): { child: ChildProcess; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> } {
  const env: Record<string, string | undefined> = { ...process.env, ...handle.env, CHANNEL_BANK_URL: bankUrl, NODE_ENV: 'production' };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  // node itself (not npx): a SIGKILL must reach the process that holds the database.
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/payout/send-payouts-once.ts'], { cwd: root, env: env as NodeJS.ProcessEnv });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, exit: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out }))) };
}

describe(`payout sent across a SIGKILL — ${testDatabaseKind()}`, () => {
  it('the process is killed after the bank paid and before it stored the answer; after the restart exactly one payout exists at the bank', { timeout: 300_000 }, async () => {
    const channels = payoutChannels();
    const p = await approvedPayout(handle.db, channels);
    expect(await payoutRow(handle.db, p.payoutId)).toMatchObject({ state: 'payout_pending', bankPayoutId: null });

    const bank = startBank();
    const url = await bank.listen();
    try {
      await handle.release();
      const first = productProcess(url);
      await bank.paid;
      first.child.kill('SIGKILL');
      expect((await first.exit).signal).toBe('SIGKILL');

      await handle.reopen();
      expect(await payoutRow(handle.db, p.payoutId)).toMatchObject({ state: 'payout_pending', bankPayoutId: null });
      await handle.release();

      const restarted = productProcess(url);
      const done = await restarted.exit;
      expect(done.code, done.out).toBe(0);

      await handle.reopen();
      expect(bank.requests).toHaveLength(2);
      expect(new Set(bank.requests).size).toBe(1); // the same idempotency key both times
      expect(bank.payouts.size).toBe(1);
      expect(await payoutRow(handle.db, p.payoutId)).toMatchObject({ state: 'payout_pending', bankPayoutId: [...bank.payouts.values()][0] });
    } finally {
      await bank.close();
    }
  });
});
