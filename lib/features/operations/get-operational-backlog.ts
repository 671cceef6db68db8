import { dueOutboxBacklog, dueWebhookBacklog, openReviewCaseCounts } from '@/db/queries/operations';
import type { ServiceContext } from '../context';

export const OUTBOX_KINDS = ['email', 'sms', 'wechat'] as const;

export interface Backlog {
  /** Pending and due now; the age (s, product clock) of the oldest of them since it was written, 0 when none. */
  outbox: Record<(typeof OUTBOX_KINDS)[number], { due: number; oldestAgeSeconds: number }>;
  webhooks: { due: number; oldestAgeSeconds: number };
  reviewCases: { open: number; overdue: number };
}

/** What GET /api/metrics reads from the database at each scrape: one aggregate query per table. */
export async function getOperationalBacklog(ctx: ServiceContext): Promise<Backlog> {
  const now = await ctx.clock.now();
  const ageOf = (oldest: Date | null) => (oldest ? Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 1000)) : 0);
  const [outboxRows, webhooks, reviewCases] = await Promise.all([
    dueOutboxBacklog(ctx.db, now),
    dueWebhookBacklog(ctx.db, now),
    openReviewCaseCounts(ctx.db, now),
  ]);
  const outbox = Object.fromEntries(OUTBOX_KINDS.map((kind) => [kind, { due: 0, oldestAgeSeconds: 0 }])) as Backlog['outbox'];
  for (const row of outboxRows) outbox[row.kind] = { due: row.due, oldestAgeSeconds: ageOf(row.oldestCreatedAt) };
  return { outbox, webhooks: { due: webhooks.due, oldestAgeSeconds: ageOf(webhooks.oldestCreatedAt) }, reviewCases };
}
