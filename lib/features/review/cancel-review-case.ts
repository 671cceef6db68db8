import type { Db } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { lockAccountReviewCase, moveReviewCase } from '@/db/queries/review-cases';
import { auditTarget } from '@/lib/domain/audit';
import { reviewCaseTransition } from '@/lib/domain/review/case-machine';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '../context';

/**
 * 撤销 (R-CHG-3, R-E-PAY 撤销审核): the flow that opened the case cancels it when its user
 * withdraws, inside the flow's own transaction. Open or rejected cases only; a decided
 * approval stays. Cancelling twice is a no-op.
 */
export async function cancelReviewCaseInTx(tx: Db, accountId: string, caseId: string, now: Date): Promise<void> {
  const row = await lockAccountReviewCase(tx, accountId, caseId);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.state === 'cancelled') return;
  if (!reviewCaseTransition(row.state, 'cancel')) throw new AppError('REVIEW_ALREADY_DECIDED');
  await moveReviewCase(tx, row.id, [row.state], row.round, { state: 'cancelled', updatedAt: now });
  await appendAudit(tx, {
    at: now,
    action: 'review_case.cancelled',
    actorAccountId: accountId,
    accountId,
    target: auditTarget('review_case', row.id),
    data: { kind: row.kind, round: row.round, from: row.state },
  });
}

export async function cancelReviewCase(ctx: ServiceContext, accountId: string, caseId: string): Promise<void> {
  const now = await ctx.clock.now();
  await ctx.db.transaction((tx) => cancelReviewCaseInTx(tx, accountId, caseId, now));
}
