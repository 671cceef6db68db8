/**
 * Next.js start-up hook of the web role (`npm start`; docs/decisions/0017): starts the
 * product's background jobs unless WORKERS=off (then `npm run worker` processes run them)
 * and, when simulators are enabled, the simulated providers' worker (callback retries,
 * session expiry, bank settlement) — a separate party, tied to SIMULATORS_ENABLED and not
 * to WORKERS. Installs the graceful shutdown that stops both before the pool closes.
 * Everything is imported dynamically and only in the Node.js runtime, so the product's
 * bundles never contain simulator code (ARCHITECTURE rule 2).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // Before the first request: a client's own X-Forwarded-* must not reach the app (docs/decisions/0006).
  const { installClientProxyHeaderGuard } = await import('./lib/auth/client-address');
  installClientProxyHeaderGuard();
  const { env } = await import('./lib/env');
  const { ensureProductWorker, stopProductWorker } = await import('./lib/jobs/product-worker');
  const { installGracefulShutdown } = await import('./lib/ops/graceful-shutdown');
  const e = env();
  // A CHANNEL_<NAME>_PROVIDER naming no provider stops the start, with the variable's name (docs/decisions/0027).
  const { checkChannelProviders } = await import('./lib/channels/resolve');
  checkChannelProviders(e);
  const stop = [stopProductWorker];
  if (e.WORKERS === 'on') ensureProductWorker();
  if (e.SIMULATORS_ENABLED) {
    const { ensureSimulatorWorker, stopSimulatorWorker } = await import('./lib/simulators/worker');
    ensureSimulatorWorker();
    stop.push(stopSimulatorWorker);
  }
  // Callbacks are acknowledged once stored (docs/decisions/0035): what the last requests queued is applied before the pool closes.
  const { channelEventsApplied } = await import('./lib/features/channels');
  installGracefulShutdown({ role: 'web', graceMs: e.SHUTDOWN_GRACE_MS, stop, afterRequests: [channelEventsApplied] });
}
