/**
 * npm run worker — the worker role (docs/decisions/0017): the product's background jobs
 * and nothing listening on HTTP; any number of them beside any number of web processes
 * (`WORKERS=off npm start`) against one PostgreSQL. SIGTERM / SIGINT: stop claiming,
 * finish or abort the running job within SHUTDOWN_GRACE_MS, close the pool, exit 0.
 */
import './load-env';
import { getDatabase } from '@/db/client';
import { env } from '@/lib/env';
import { ensureProductWorker, stopProductWorker } from '@/lib/jobs/product-worker';
import { installGracefulShutdown } from '@/lib/ops/graceful-shutdown';
import { errorKind, log } from '@/lib/ops/log';

async function main() {
  const e = env();
  if (!e.DATABASE_URL) {
    // PGlite has no file locking: a second process on the folder silently loses writes.
    console.error(
      'npm run worker needs PostgreSQL (DATABASE_URL): the embedded PGlite database can be opened by one process only, and `npm start` already runs the jobs on it.',
    );
    process.exit(1);
  }
  installGracefulShutdown({ role: 'worker', graceMs: e.SHUTDOWN_GRACE_MS, stop: [stopProductWorker] });
  // Opened (and migrated) before the first tick, so that a bad URL stops the worker at once.
  await getDatabase();
  ensureProductWorker();
  log.info({ event: 'worker.started' });
}

main().catch((error: unknown) => {
  log.error({ event: 'worker.failed', ...errorKind(error) });
  process.exit(1);
});
