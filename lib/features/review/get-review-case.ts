import { findAccountById } from '@/db/queries/accounts';
import { searchAuditLog } from '@/db/queries/audit';
import { findReviewCase, listReviewCaseItems } from '@/db/queries/review-cases';
import { findCurrentSubject } from '@/db/queries/subjects';
import { auditTarget, isReviewHistoryAction } from '@/lib/domain/audit';
import { maskReviewValue, REVIEW_ITEMS, type ReviewItemKey, type ReviewItemKind } from '@/lib/domain/review/items';
import { decodePick, encodePick, reasonsForItem, type RejectionReasonCode } from '@/lib/domain/review/reasons';
import { reviewSla } from '@/lib/domain/review/sla';
import { BACK_OFFICE_ROLES } from '@/lib/domain/review/staff';
import { maskIdentifier } from '@/lib/domain/mask';
import { AppError, errorTable, type ErrorCode } from '@/lib/errors';
import type { MessageCode, MessageRef } from '@/lib/messages';
import { decryptField } from '@/lib/security/crypto';
import { authorizeReviewStaff } from '@/lib/features/account';
import type { ServiceContext } from '../context';
import { getBusinessCalendar } from '@/lib/features/calendar';
import { reviewItemContext } from './open-review-case';

export interface ReviewItemView {
  /** Its label: the catalogue's review.item.<key>. */
  key: ReviewItemKey;
  kind: ReviewItemKind;
  /** Text items: the value. */
  text?: string;
  /** Masked items: the masked value only (SPEC §9); the clear one comes from revealReviewItem. */
  masked?: string;
  /** File items: where staff read it (GET /api/uploads/{id}) and what it is. */
  file?: { uploadId: string; url: string; contentType: string | null; purged: boolean };
  /** Replaced in the current round (after a rejection). */
  updatedThisRound: boolean;
  /** The reasons of the last rejection that named this item. */
  lastRejected: { code: RejectionReasonCode }[];
  /** The reasons a reviewer may pick for it (worded as review.reason.<code> and its .hint). */
  reasonOptions: { code: RejectionReasonCode }[];
}

export interface ReviewHistoryEntry {
  id: number;
  at: Date;
  action: string;
  /** The action's name for the reviewer (null: an action without one, shown as it is). */
  label: MessageCode | null;
  actorNumber: string | null;
  detail: MessageRef | null;
}

/**
 * Registry answers are shown as field/value pairs (the field's name: review.registry.<field>);
 * codes and numbers masked like everywhere else.
 */
function registryRows(answer: Record<string, unknown> | null): { field: string; value: string | string[] }[] | null {
  if (!answer) return null;
  return Object.entries(answer).map(([field, value]) => {
    const shown = typeof value === 'string' ? value : Array.isArray(value) ? value.map(String) : JSON.stringify(value);
    return { field, value: /code|number/i.test(field) && typeof value === 'string' ? maskIdentifier(value) : shown };
  });
}

function historyDetail(action: string, data: Record<string, unknown>): MessageRef | null {
  const round = String(data.round);
  switch (action) {
    case 'review_case.opened':
    case 'review_case.resubmitted':
      return { code: 'review.history.round_items', params: { round, items: Array.isArray(data.items) ? data.items.map(String).join(',') : '' } };
    case 'review_case.revealed':
      return { code: 'review.history.item', params: { item: String(data.item) } };
    case 'review_case.approved':
      return { code: 'review.history.round', params: { round } };
    case 'review_case.rejected': {
      const picks = Array.isArray(data.reasons)
        ? data.reasons
            .map((r) => (typeof r === 'string' ? decodePick(r) : null))
            .filter((p) => p !== null)
            .map(encodePick)
        : [];
      return { code: 'review.history.rejected', params: { round, picks: picks.join(','), withNote: data.withNote ? 'yes' : 'no' } };
    }
    case 'authorization.refused':
      return typeof data.reason === 'string' && data.reason in errorTable ? { code: `error.${data.reason as ErrorCode}` } : null;
    default:
      return null;
  }
}

/**
 * The case page for staff (SPEC §7): the submitted data with masked values masked, the
 * files, the registry answer, the last rejection, the history from the audit log, and
 * whether this viewer may decide it (open, and not their own account's).
 */
export async function getReviewCase(ctx: ServiceContext, actorAccountId: string, caseId: string) {
  const now = await ctx.clock.now();
  await authorizeReviewStaff(ctx.db, actorAccountId, BACK_OFFICE_ROLES, now, 'review_case.read');
  const row = await findReviewCase(ctx.db, caseId);
  if (!row) throw new AppError('NOT_FOUND');
  const [items, account, subject, decider, history, calendar] = await Promise.all([
    listReviewCaseItems(ctx.db, row.id),
    findAccountById(ctx.db, row.accountId),
    findCurrentSubject(ctx.db, row.accountId),
    row.decidedBy ? findAccountById(ctx.db, row.decidedBy) : Promise.resolve(undefined),
    searchAuditLog(ctx.db, { target: auditTarget('review_case', row.id) }, { limit: 200, offset: 0 }),
    getBusinessCalendar(ctx.db),
  ]);
  const lastRejection = row.reasonsRound !== null ? row.reasons : [];

  const itemViews: ReviewItemView[] = items.map(({ item, upload }) => {
    const spec = REVIEW_ITEMS[item.key];
    const view: ReviewItemView = {
      key: item.key,
      kind: spec.kind,
      updatedThisRound: row.round > 1 && item.submittedRound === row.round,
      lastRejected: lastRejection.filter((p) => p.itemKey === item.key).map((p) => ({ code: p.code })),
      reasonOptions: reasonsForItem(item.key).map((code) => ({ code })),
    };
    if (spec.kind === 'text') view.text = item.textValue ?? '';
    if (spec.kind === 'masked' && item.valueEnc) {
      view.masked = maskReviewValue('format' in spec ? spec.format : undefined, decryptField(item.valueEnc, reviewItemContext(item.key)));
    }
    if (spec.kind === 'file' && item.uploadId) {
      view.file = { uploadId: item.uploadId, url: `/api/uploads/${item.uploadId}`, contentType: upload?.contentType ?? null, purged: !upload || upload.purgedAt !== null };
    }
    return view;
  });

  const ownAccount = row.accountId === actorAccountId;
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    round: row.round,
    processId: row.processId,
    account: { accountNumber: account?.accountNumber ?? '', nickname: account?.nickname ?? '' },
    subject: subject ? { kind: subject.kind, name: subject.name } : null,
    createdAt: row.createdAt,
    openedAt: row.openedAt,
    dueAt: row.dueAt,
    decidedAt: row.decidedAt,
    decidedBy: decider?.accountNumber ?? null,
    sla: row.state === 'open' ? reviewSla(calendar, row.openedAt, row.dueAt, now) : null,
    ownAccount,
    decidable: row.state === 'open' && !ownAccount,
    items: itemViews,
    registry: registryRows(row.registryAnswer),
    lastRejection: row.reasonsRound !== null ? { round: row.reasonsRound, note: row.internalNote } : null,
    history: history.rows
      .slice()
      .reverse()
      .map(
        (h): ReviewHistoryEntry => ({
          id: h.id,
          at: h.at,
          action: h.action,
          label: isReviewHistoryAction(h.action) ? (`review.history.${h.action}` as const) : null,
          actorNumber: h.actorNumber,
          detail: historyDetail(h.action, h.data),
        }),
      ),
  };
}
