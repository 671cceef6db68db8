import { listAccountReviewCases as listCases } from '@/db/queries/review-cases';
import type { ServiceContext } from '../context';

/** 审核记录: the account's review cases, newest first, with 预计完成时间 for the open ones. */
export async function listAccountReviewCases(ctx: ServiceContext, accountId: string) {
  const rows = await listCases(ctx.db, accountId);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    state: r.state,
    round: r.round,
    openedAt: r.openedAt,
    dueAt: r.state === 'open' ? r.dueAt : null,
  }));
}
