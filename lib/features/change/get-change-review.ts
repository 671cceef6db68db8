import { findAccountReviewCase } from '@/db/queries/review-cases';
import type { ChangeRequestRow } from '@/db/schema';
import type { ServiceContext } from '../context';
import { getAccountReviewCase, type ItemToFix } from '@/lib/features/review';

/** The proofs' review case of a change request, as its steps show it. */
export interface ChangeReviewView {
  id: string;
  submittedAt: Date;
  /** The 1-business-day promise (the case's due time, R-CHG-E1, R-CHG-E2). */
  dueAt: Date;
  /** Rejected: the items to fix, with their reasons. */
  itemsToFix: ItemToFix[];
}

/** The request's latest review case, or null when it has none (yet). */
export async function getChangeReview(ctx: ServiceContext, row: Pick<ChangeRequestRow, 'accountId' | 'reviewCaseId'>): Promise<ChangeReviewView | null> {
  const kase = row.reviewCaseId ? await findAccountReviewCase(ctx.db, row.accountId, row.reviewCaseId) : undefined;
  if (!kase) return null;
  const itemsToFix = kase.state === 'rejected' ? (await getAccountReviewCase(ctx, row.accountId, kase.id)).itemsToFix : [];
  return { id: kase.id, submittedAt: kase.openedAt, dueAt: kase.dueAt, itemsToFix };
}
