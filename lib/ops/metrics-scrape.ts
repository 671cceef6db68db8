import { createHash, timingSafeEqual } from 'node:crypto';
import { getServiceContext } from '@/lib/features/runtime';
import { getOperationalBacklog } from '@/lib/features/operations';
import { errorKind, log } from './log';
import { metrics } from './metrics';

/** `Authorization: Bearer <token>`, compared in constant time (hashes first: equal lengths, whatever was sent). */
export function isMetricsScrapeAuthorised(authorization: string | null, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(authorization ?? '');
  if (!match) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]!), digest(token));
}

const backlogGauges = [
  metrics.outboxBacklog,
  metrics.outboxOldestDueSeconds,
  metrics.webhookBacklog,
  metrics.webhookOldestDueSeconds,
  metrics.reviewCasesOpen,
  metrics.reviewCasesOverdue,
];

/** The Prometheus text of the process's registry, with the database gauges read now. */
export async function scrapeMetrics(): Promise<string> {
  try {
    const backlog = await getOperationalBacklog(await getServiceContext());
    for (const [kind, b] of Object.entries(backlog.outbox)) {
      metrics.outboxBacklog.set({ kind }, b.due);
      metrics.outboxOldestDueSeconds.set({ kind }, b.oldestAgeSeconds);
    }
    metrics.webhookBacklog.set(backlog.webhooks.due);
    metrics.webhookOldestDueSeconds.set(backlog.webhooks.oldestAgeSeconds);
    metrics.reviewCasesOpen.set(backlog.reviewCases.open);
    metrics.reviewCasesOverdue.set(backlog.reviewCases.overdue);
  } catch (error) {
    // Absent rather than stale: the process's own metrics are still worth the scrape.
    for (const gauge of backlogGauges) gauge.reset();
    log.warn({ event: 'metrics.backlog_failed', ...errorKind(error) });
  }
  return metrics.registry.metrics();
}
