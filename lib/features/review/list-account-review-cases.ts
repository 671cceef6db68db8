import { listAccountReviewCases as listCases } from '@/db/queries/review-cases';
import { REVIEW_STATE_USER_LABEL } from '@/lib/domain/review/case-machine';
import { REVIEW_CASE_KIND_LABEL } from '@/lib/domain/review/kinds';
import type { ServiceContext } from '../context';

/** 审核记录: the account's review cases, newest first, with 预计完成时间 for the open ones. */
export async function listAccountReviewCases(ctx: ServiceContext, accountId: string) {
  const rows = await listCases(ctx.db, accountId);
  return rows.map((r) => ({
    id: r.id,
    kindLabel: REVIEW_CASE_KIND_LABEL[r.kind],
    state: r.state,
    stateLabel: REVIEW_STATE_USER_LABEL[r.state],
    round: r.round,
    openedAt: r.openedAt,
    dueAt: r.state === 'open' ? r.dueAt : null,
  }));
}
