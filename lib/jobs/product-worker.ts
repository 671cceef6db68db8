import { getServiceContext } from '@/lib/services/context';
import { deliverOutboxMessages } from '@/lib/services/deliver-outbox-messages';
import { applyRetention } from '@/lib/services/apply-retention';
import { deliverWebhooks } from '@/lib/services/deliver-webhooks';
import { expireChannelSessions } from '@/lib/services/expire-channel-sessions';
import { expireDueChangeRequests } from '@/lib/services/expire-due-change-requests';
import { expireDuePayouts } from '@/lib/services/expire-due-payouts';
import { expireDueRecharges } from '@/lib/services/expire-due-recharges';
import { processStoredChannelEvents } from '@/lib/services/process-stored-channel-events';
import { purgeChannelEvents } from '@/lib/services/purge-channel-events';
import { recheckEnterpriseRegistry } from '@/lib/services/recheck-enterprise-registry';
import { sendApprovedPayouts } from '@/lib/services/send-approved-payouts';
import { sendDueBankReturns } from '@/lib/services/send-due-bank-returns';

/**
 * The product's background work in a running app (SPEC §8): deadlines applied by a
 * sweeper as well as on read, callbacks stored but not yet applied retried, old
 * webhook ids purged, idle drafts closed and ended submissions purged (retention), the outbox (e-mail, SMS, WeChat) and integrators' webhooks sent. Every job claims its rows with FOR UPDATE SKIP LOCKED, so any
 * number of app instances may run this at once without double effects.
 */
const TICK_MS = 5_000;
const PURGE_EVERY_TICKS = 720; // about an hour

const holder = globalThis as unknown as { __productWorker?: { timer: ReturnType<typeof setInterval>; running: boolean; ticks: number } };

type Ctx = Awaited<ReturnType<typeof getServiceContext>>;

/** Each tick's jobs, in order; one failing job does not keep the others from running. */
const JOBS: [name: string, run: (ctx: Ctx, tickNumber: number) => Promise<unknown>][] = [
  ['expire sessions', (ctx) => expireChannelSessions(ctx)],
  ['stored callbacks', (ctx) => processStoredChannelEvents(ctx)],
  ['recharge deadlines', (ctx) => expireDueRecharges(ctx)],
  ['payout deadlines', (ctx) => expireDuePayouts(ctx)],
  ['change request deadlines', (ctx) => expireDueChangeRequests(ctx)],
  ['registry re-checks', (ctx) => recheckEnterpriseRegistry(ctx)],
  ['payouts to send', (ctx) => sendApprovedPayouts(ctx)],
  ['refunds and withdrawals to send', (ctx) => sendDueBankReturns(ctx)],
  ['outbox', (ctx) => deliverOutboxMessages(ctx)],
  ['webhooks', (ctx) => deliverWebhooks(ctx)],
  ['purge callbacks', (ctx, n) => (n % PURGE_EVERY_TICKS === 0 ? purgeChannelEvents(ctx) : Promise.resolve())],
  ['retention', (ctx, n) => (n % PURGE_EVERY_TICKS === 0 ? applyRetention(ctx) : Promise.resolve())],
];

async function tick(state: NonNullable<typeof holder.__productWorker>) {
  if (state.running) return;
  state.running = true;
  const n = state.ticks++;
  try {
    const ctx = await getServiceContext();
    for (const [name, run] of JOBS) {
      try {
        await run(ctx, n);
      } catch (error) {
        console.error(`[worker] ${name} failed`, error instanceof Error ? error.name : 'unknown');
      }
    }
  } catch (error) {
    console.error('[worker] tick failed', error instanceof Error ? error.name : 'unknown');
  } finally {
    state.running = false;
  }
}

/** Starts the worker once per process (never under tests, which call the jobs themselves). */
export function ensureProductWorker(): void {
  if (holder.__productWorker || process.env.NODE_ENV === 'test') return;
  const state = { timer: setInterval(() => void tick(state), TICK_MS), running: false, ticks: 0 };
  state.timer.unref?.();
  holder.__productWorker = state;
  void tick(state); // a deadline that passed while the server was down applies on start
}
