import { findAccountById } from '@/db/queries/accounts';
import { searchAuditLog } from '@/db/queries/audit';
import { findReviewCase, listReviewCaseItems } from '@/db/queries/review-cases';
import { findCurrentSubject } from '@/db/queries/subjects';
import { auditTarget, REVIEW_HISTORY_LABEL } from '@/lib/domain/audit';
import { REVIEW_STATE_LABEL } from '@/lib/domain/review/case-machine';
import { maskReviewValue, REVIEW_ITEMS, type ReviewItemKey, type ReviewItemKind } from '@/lib/domain/review/items';
import { REVIEW_CASE_KIND_LABEL } from '@/lib/domain/review/kinds';
import { decodePick, reasonsForItem, REJECTION_REASONS, type RejectionReasonCode } from '@/lib/domain/review/reasons';
import { reviewSla } from '@/lib/domain/review/sla';
import { BACK_OFFICE_ROLES } from '@/lib/domain/review/staff';
import { maskIdentifier } from '@/lib/domain/mask';
import { AppError, describeError, errorTable, type ErrorCode } from '@/lib/errors';
import { decryptField } from '@/lib/security/crypto';
import { authorizeReviewStaff } from '@/lib/features/account';
import type { ServiceContext } from '../context';
import { getBusinessCalendar } from '@/lib/features/calendar';
import { reviewItemContext } from './open-review-case';

export interface ReviewItemView {
  key: ReviewItemKey;
  label: string;
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
  lastRejected: { code: RejectionReasonCode; label: string }[];
  /** The reasons a reviewer may pick for it. */
  reasonOptions: { code: RejectionReasonCode; label: string; hint: string }[];
}

export interface ReviewHistoryEntry {
  id: number;
  at: Date;
  action: string;
  label: string;
  actorNumber: string | null;
  detail: string | null;
}

const REGISTRY_LABEL: Record<string, string> = {
  name: '企业名称',
  code: '统一社会信用代码',
  status: '登记状态',
  legalRepName: '法定代表人',
  formerNames: '曾用名',
  licenceType: '证照类型',
  establishedOn: '成立日期',
  registeredAt: '登记机关',
  checkedAt: '查询时间',
};

/** Registry answers are shown as label/value pairs; codes and numbers masked like everywhere else. */
function registryRows(answer: Record<string, unknown> | null): { label: string; value: string }[] | null {
  if (!answer) return null;
  return Object.entries(answer).map(([key, value]) => {
    const text = typeof value === 'string' ? value : Array.isArray(value) ? value.map(String).join('、') : JSON.stringify(value);
    return { label: REGISTRY_LABEL[key] ?? key, value: /code|number/i.test(key) && typeof value === 'string' ? maskIdentifier(value) : text };
  });
}

function historyDetail(action: string, data: Record<string, unknown>): string | null {
  const itemLabel = (key: unknown) => (typeof key === 'string' && key in REVIEW_ITEMS ? REVIEW_ITEMS[key as ReviewItemKey].label : String(key));
  switch (action) {
    case 'review_case.opened':
    case 'review_case.resubmitted': {
      const items = Array.isArray(data.items) ? data.items.map(itemLabel).join('、') : '';
      return `第 ${String(data.round)} 轮${items ? `：${items}` : ''}`;
    }
    case 'review_case.revealed':
      return itemLabel(data.item);
    case 'review_case.approved':
      return `第 ${String(data.round)} 轮`;
    case 'review_case.rejected': {
      const reasons = Array.isArray(data.reasons)
        ? data.reasons
            .map((r) => (typeof r === 'string' ? decodePick(r) : null))
            .filter((p) => p !== null)
            .map((p) => `${REVIEW_ITEMS[p.itemKey].label}：${REJECTION_REASONS[p.code].label}`)
        : [];
      return `第 ${String(data.round)} 轮${reasons.length ? `；${reasons.join('；')}` : ''}${data.withNote ? '（附内部备注）' : ''}`;
    }
    case 'authorization.refused':
      return typeof data.reason === 'string' && data.reason in errorTable ? describeError(data.reason as ErrorCode).message : null;
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
      label: spec.label,
      kind: spec.kind,
      updatedThisRound: row.round > 1 && item.submittedRound === row.round,
      lastRejected: lastRejection.filter((p) => p.itemKey === item.key).map((p) => ({ code: p.code, label: REJECTION_REASONS[p.code].label })),
      reasonOptions: reasonsForItem(item.key).map((code) => ({ code, label: REJECTION_REASONS[code].label, hint: REJECTION_REASONS[code].hint })),
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
    kindLabel: REVIEW_CASE_KIND_LABEL[row.kind],
    state: row.state,
    stateLabel: REVIEW_STATE_LABEL[row.state],
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
          label: REVIEW_HISTORY_LABEL[h.action] ?? h.action,
          actorNumber: h.actorNumber,
          detail: historyDetail(h.action, h.data),
        }),
      ),
  };
}

export type ReviewCaseView = Awaited<ReturnType<typeof getReviewCase>>;
