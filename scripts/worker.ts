/**
 * npm run worker — the worker role (docs/decisions/0017): the product's background jobs
 * and no web server (only, with WORKER_METRICS_PORT, the metrics scrape); any number of them beside any number of web processes
 * (`WORKERS=off npm start`) against one PostgreSQL. SIGTERM / SIGINT: stop claiming,
 * finish or abort the running job within SHUTDOWN_GRACE_MS, close the pool, exit 0.
 */
import './load-env';
import { getDatabase } from '@/db/client';
import { checkChannelProviders } from '@/lib/channels/resolve';
import { env } from '@/lib/env';
import { ensureProductWorker, stopProductWorker } from '@/lib/jobs/product-worker';
import { installGracefulShutdown } from '@/lib/ops/graceful-shutdown';
import { isShuttingDown } from '@/lib/ops/lifecycle';
import { errorKind, log } from '@/lib/ops/log';
import { metrics } from '@/lib/ops/metrics';
import { scrapeMetrics } from '@/lib/ops/metrics-scrape';
import { serveWorkerMetrics } from '@/lib/ops/worker-metrics-server';

async function main() {
  const e = env();
  if (!e.DATABASE_URL) {
    // PGlite has no file locking: a second process on the folder silently loses writes.
    console.error(
      'npm run worker needs PostgreSQL (DATABASE_URL): the embedded PGlite database can be opened by one process only, and `npm start` already runs the jobs on it.',
    );
    process.exit(1);
  }
  // A CHANNEL_<NAME>_PROVIDER naming no provider stops the worker, with the variable's name (docs/decisions/0027).
  checkChannelProviders(e);
  const stop = [stopProductWorker];
  if (e.WORKER_METRICS_PORT && e.METRICS_TOKEN) {
    const listener = await serveWorkerMetrics({ port: e.WORKER_METRICS_PORT, token: e.METRICS_TOKEN, scrape: scrapeMetrics, contentType: metrics.registry.contentType });
    stop.push(() => listener.close());
  }
  installGracefulShutdown({ role: 'worker', graceMs: e.SHUTDOWN_GRACE_MS, stop });
  // Opened (and migrated) before the first tick, so that a bad URL stops the worker at once.
  await getDatabase();
  // A SIGTERM while the database opened: the shutdown already ran, start nothing.
  if (isShuttingDown()) return;
  ensureProductWorker();
  log.info({ event: 'worker.started' });
}

main().catch((error: unknown) => {
  log.error({ event: 'worker.failed', ...errorKind(error) });
  process.exit(1);
});
