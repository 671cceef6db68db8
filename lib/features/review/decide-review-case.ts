import { appendAudit } from '@/db/queries/audit';
import { decideOpenReviewCase, findReviewCase, listReviewCaseItems } from '@/db/queries/review-cases';
import { auditTarget } from '@/lib/domain/audit';
import { REVIEW_CASE_KIND_LABEL } from '@/lib/domain/review/kinds';
import { REVIEW_ITEMS } from '@/lib/domain/review/items';
import { checkRejection, encodePick, rejectedItems, type RejectionPick } from '@/lib/domain/review/reasons';
import { BACK_OFFICE_ROLES } from '@/lib/domain/review/staff';
import { AppError } from '@/lib/errors';
import { INTERNAL_NOTE_MAX } from '@/lib/schemas/review';
import { authorizeReviewStaff } from '@/lib/features/account';
import type { ServiceContext } from '../context';
import { handleReviewDecision } from './handle-review-decision';
import { notifyAccount } from '@/lib/features/notifications';

export interface DecideReviewCaseInput {
  caseId: string;
  /** The round the reviewer saw: a decision on a round that has moved on is refused. */
  round: number;
  decision: 'approve' | 'reject';
  /** Required for a rejection: at least one reason, each for an item of the case. */
  reasons?: readonly RejectionPick[];
  /** Internal note (staff only, never shown to the user). */
  note?: string;
}

/**
 * 通过 / 驳回 (SPEC §7). The actor's role is checked here (not only by the page); nobody
 * decides a case of their own account; a case is decided once per round — the decision
 * is one conditional UPDATE … WHERE state = 'open' AND round = …, so of two concurrent
 * decisions exactly one changes the row and the other is refused. In the same
 * transaction: the audit row, the notification to the user (站内信 and the outbox) and
 * the opening flow's handler.
 */
export async function decideReviewCase(ctx: ServiceContext, actorAccountId: string, input: DecideReviewCaseInput) {
  const now = await ctx.clock.now();
  await authorizeReviewStaff(ctx.db, actorAccountId, BACK_OFFICE_ROLES, now, 'review_case.decide');
  const row = await findReviewCase(ctx.db, input.caseId);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.accountId === actorAccountId) {
    await appendAudit(ctx.db, {
      at: now,
      action: 'authorization.refused',
      actorAccountId,
      accountId: row.accountId,
      target: auditTarget('review_case', row.id),
      data: { reason: 'REVIEW_OWN_ACCOUNT', attempted: 'review_case.decide' },
    });
    throw new AppError('REVIEW_OWN_ACCOUNT');
  }

  let reasons: RejectionPick[] = [];
  if (input.decision === 'reject') {
    const items = (await listReviewCaseItems(ctx.db, row.id)).map((r) => r.item.key);
    const checked = checkRejection(items, input.reasons ?? []);
    if (!checked.ok) throw new AppError(checked.reason === 'required' ? 'REVIEW_REASON_REQUIRED' : 'REVIEW_REASON_NOT_APPLICABLE');
    reasons = checked.picks;
  }
  if (row.state !== 'open' || row.round !== input.round) throw new AppError('REVIEW_ALREADY_DECIDED');
  const note = input.note?.trim() ? input.note.trim().slice(0, INTERNAL_NOTE_MAX) : null;

  return ctx.db.transaction(async (tx) => {
    const decided = await decideOpenReviewCase(
      tx,
      row.id,
      input.round,
      input.decision === 'approve'
        ? { state: 'approved', decidedAt: now, decidedBy: actorAccountId, updatedAt: now }
        : { state: 'rejected', decidedAt: now, decidedBy: actorAccountId, updatedAt: now, reasons, reasonsRound: input.round, internalNote: note },
    );
    // Someone else decided this round first (or it was cancelled) since it was read.
    if (!decided) throw new AppError('REVIEW_ALREADY_DECIDED');

    await appendAudit(tx, {
      at: now,
      action: input.decision === 'approve' ? 'review_case.approved' : 'review_case.rejected',
      actorAccountId,
      accountId: row.accountId,
      target: auditTarget('review_case', row.id),
      // Reason codes, not the note: the note is free text and stays on the case.
      data: { kind: row.kind, round: input.round, ...(input.decision === 'reject' ? { reasons: reasons.map(encodePick), withNote: note !== null } : {}) },
    });
    // 站内信 + e-mail / SMS / WeChat by the account's contact data (SPEC §8), with the fix hints, never the note.
    const what = REVIEW_CASE_KIND_LABEL[row.kind];
    await notifyAccount(
      tx,
      row.accountId,
      input.decision === 'approve'
        ? { kind: 'review_approved', what }
        : { kind: 'review_rejected', what, fixes: rejectedItems(reasons).flatMap((i) => i.reasons.map((r) => `${REVIEW_ITEMS[i.itemKey].label}：${r.hint}`)) },
      now,
    );
    await handleReviewDecision(tx, decided, now);
    return { caseId: decided.id, state: decided.state, round: decided.round };
  });
}
