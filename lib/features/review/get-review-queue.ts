import { listReviewQueue } from '@/db/queries/review-cases';
import { REVIEW_CASE_KINDS, type ReviewCaseKind } from '@/lib/domain/review/kinds';
import { REVIEW_CASE_STATES, type ReviewCaseState } from '@/lib/domain/review/case-machine';
import { reviewSla, type ReviewSla } from '@/lib/domain/review/sla';
import { BACK_OFFICE_ROLES } from '@/lib/domain/review/staff';
import { authorizeReviewStaff } from '@/lib/features/account';
import type { ServiceContext } from '../context';
import { getBusinessCalendar } from '@/lib/features/calendar';

export const REVIEW_QUEUE_PAGE_SIZE = 20;

export interface ReviewQueueFilter {
  /** All kinds when absent. */
  kind?: ReviewCaseKind;
  /** `open` by default; `all` for every state. */
  state?: ReviewCaseState | 'all';
  /** 1-based. */
  page?: number;
}

export interface ReviewQueueRow {
  id: string;
  kind: ReviewCaseKind;
  state: ReviewCaseState;
  round: number;
  accountNumber: string;
  /** A case of the viewer's own account: listed, but not theirs to decide. */
  ownAccount: boolean;
  openedAt: Date;
  dueAt: Date;
  decidedAt: Date | null;
  /** Open cases only. */
  sla: ReviewSla | null;
}

/** /review (SPEC §7, §13): open cases, overdue first and marked, with age and due date in business days. */
export async function getReviewQueue(ctx: ServiceContext, actorAccountId: string, filter: ReviewQueueFilter) {
  const now = await ctx.clock.now();
  await authorizeReviewStaff(ctx.db, actorAccountId, BACK_OFFICE_ROLES, now, 'review_queue.read');
  const state = filter.state ?? 'open';
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const [{ rows, total }, calendar] = await Promise.all([
    listReviewQueue(
      ctx.db,
      {
        states: state === 'all' ? REVIEW_CASE_STATES : [state],
        kinds: filter.kind ? [filter.kind] : REVIEW_CASE_KINDS,
        limit: REVIEW_QUEUE_PAGE_SIZE,
        offset: (page - 1) * REVIEW_QUEUE_PAGE_SIZE,
      },
      now,
    ),
    getBusinessCalendar(ctx.db),
  ]);
  const cases: ReviewQueueRow[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    state: r.state,
    round: r.round,
    accountNumber: r.accountNumber,
    ownAccount: r.accountId === actorAccountId,
    openedAt: r.openedAt,
    dueAt: r.dueAt,
    decidedAt: r.decidedAt,
    sla: r.state === 'open' ? reviewSla(calendar, r.openedAt, r.dueAt, now) : null,
  }));
  return { now, cases, total, page, pages: Math.max(1, Math.ceil(total / REVIEW_QUEUE_PAGE_SIZE)), state, kind: filter.kind ?? null };
}
