/**
 * Next.js start-up hook: starts the product's background worker (deadline sweeps,
 * stored callbacks) and, when simulators are enabled, the simulated providers' worker
 * (callback retries, session expiry, bank settlement). Both are imported dynamically and
 * only in the Node.js runtime, so the product's bundles never contain simulator code
 * (ARCHITECTURE rule 2).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // Before the first request: a client's own X-Forwarded-* must not reach the app (docs/decisions/0006).
  const { installClientProxyHeaderGuard } = await import('./lib/auth/client-address');
  installClientProxyHeaderGuard();
  const { ensureProductWorker } = await import('./lib/jobs/product-worker');
  ensureProductWorker();
  if (process.env.SIMULATORS_ENABLED === 'false' || process.env.SIMULATORS_ENABLED === '0') return;
  const { ensureSimulatorWorker } = await import('./lib/simulators/worker');
  ensureSimulatorWorker();
}
