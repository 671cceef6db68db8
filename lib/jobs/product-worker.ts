import { getServiceContext } from '@/lib/features/runtime';
import { deliverOutboxMessages } from '@/lib/features/notifications';
import { applyRetention } from '@/lib/features/privacy';
import { deliverWebhooks } from '@/lib/features/notifications';
import { expireChannelSessions } from '@/lib/features/channels';
import { expireDueChangeRequests } from '@/lib/features/change';
import { expireDuePayouts } from '@/lib/features/payout';
import { expireDueRecharges } from '@/lib/features/recharge';
import { pollChannelResults } from '@/lib/features/channels';
import { processStoredChannelEvents } from '@/lib/features/channels';
import { purgeChannelEvents } from '@/lib/features/channels';
import { recheckEnterpriseRegistry } from '@/lib/features/registry';
import { sendApprovedPayouts } from '@/lib/features/payout';
import { sendDueBankReturns } from '@/lib/features/payout';
import { startJobRunner, type Job, type JobRunner } from './job-runner';
import { onRunSoon } from './run-soon';

/**
 * The product's background work (SPEC §8): deadlines applied by a sweeper as well as on
 * read, callbacks stored but not yet applied retried, pulled results polled, old webhook ids purged, idle drafts
 * closed and ended submissions purged (retention), the outbox (e-mail, SMS, WeChat) and
 * integrators' webhooks sent. Run by `npm start` (unless WORKERS=off) and by `npm run
 * worker`. Every job claims its rows with FOR UPDATE SKIP LOCKED, so any number of
 * processes may run this at once without double effects.
 */
const TICK_MS = 5_000;
const PURGE_EVERY_TICKS = 720; // about an hour

/** Each tick's jobs, in order; the names are metric label values (keep them stable). */
export const PRODUCT_JOBS: readonly Job[] = [
  { name: 'expire_sessions', run: (ctx) => expireChannelSessions(ctx) },
  { name: 'stored_callbacks', run: (ctx) => processStoredChannelEvents(ctx) },
  // Results of providers that answer by token (none while every channel runs on the simulator).
  { name: 'pulled_results', run: (ctx) => pollChannelResults(ctx) },
  { name: 'recharge_deadlines', run: (ctx) => expireDueRecharges(ctx) },
  { name: 'payout_deadlines', run: (ctx) => expireDuePayouts(ctx) },
  { name: 'change_request_deadlines', run: (ctx) => expireDueChangeRequests(ctx) },
  { name: 'registry_rechecks', run: (ctx) => recheckEnterpriseRegistry(ctx) },
  { name: 'payouts_to_send', run: (ctx) => sendApprovedPayouts(ctx) },
  { name: 'bank_returns_to_send', run: (ctx) => sendDueBankReturns(ctx) },
  { name: 'outbox', run: (ctx) => deliverOutboxMessages(ctx) },
  { name: 'webhooks', run: (ctx) => deliverWebhooks(ctx) },
  { name: 'purge_callbacks', run: (ctx, n) => (n % PURGE_EVERY_TICKS === 0 ? purgeChannelEvents(ctx) : Promise.resolve()) },
  { name: 'retention', run: (ctx, n) => (n % PURGE_EVERY_TICKS === 0 ? applyRetention(ctx) : Promise.resolve()) },
];

// Kept on globalThis: Next.js may load this module once per bundle layer, and one process runs one runner.
const holder = globalThis as unknown as { __productWorker?: JobRunner };

/** Starts the product's jobs once per process. */
export function ensureProductWorker(): void {
  if (holder.__productWorker) return;
  const runner = startJobRunner({ jobs: PRODUCT_JOBS, tickMs: TICK_MS, context: getServiceContext });
  holder.__productWorker = runner;
  onRunSoon((names) => runner.runSoon(names));
}

/** Stops them (graceful shutdown); a no-op where they do not run. */
export async function stopProductWorker(options: { graceMs: number }): Promise<void> {
  await holder.__productWorker?.stop(options);
}
