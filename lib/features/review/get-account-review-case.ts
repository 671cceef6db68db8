import { findAccountReviewCase, listReviewCaseItems } from '@/db/queries/review-cases';
import { maskReviewValue, REVIEW_ITEMS, type ReviewItemKey, type ReviewItemKind } from '@/lib/domain/review/items';
import { rejectedItems, type RejectionReasonCode } from '@/lib/domain/review/reasons';
import { AppError } from '@/lib/errors';
import type { MessageCode } from '@/lib/messages';
import { decryptField } from '@/lib/security/crypto';
import { purposeAllowsPdf } from '@/lib/storage/purposes';
import type { ServiceContext } from '../context';
import { reviewItemContext } from './open-review-case';
import { replacementField, uploadPurposeOfItem } from './resubmit-review-case';

export interface ItemToFix {
  /** Its label: the catalogue's review.item.<key>. */
  key: ReviewItemKey;
  kind: ReviewItemKind;
  /** The form field that replaces it. */
  field: string;
  /** What was submitted: text as is, masked values masked; files by their type (a code). */
  current: string | { code: MessageCode };
  /** File items: whether a PDF is accepted besides JPG/PNG. */
  allowPdf: boolean;
  /** Why it was rejected and what to do: the fixed hints of the reasons (never the reviewer's note). */
  reasons: { code: RejectionReasonCode }[];
}

/**
 * The user's own case (SPEC §13 structured rejection, visible SLA): its state, the
 * expected completion time while it waits, and after a rejection exactly the rejected
 * items with their reasons and fix hints. Another account's case is not found.
 */
export async function getAccountReviewCase(ctx: ServiceContext, accountId: string, caseId: string) {
  const row = await findAccountReviewCase(ctx.db, accountId, caseId);
  if (!row) throw new AppError('NOT_FOUND');
  const rejected = row.state === 'rejected' && row.reasonsRound === row.round;
  const itemsToFix: ItemToFix[] = [];
  if (rejected) {
    const items = new Map((await listReviewCaseItems(ctx.db, row.id)).map((r) => [r.item.key, r]));
    for (const { itemKey, reasons } of rejectedItems(row.reasons)) {
      const spec = REVIEW_ITEMS[itemKey];
      const stored = items.get(itemKey);
      let current: ItemToFix['current'] = '';
      if (spec.kind === 'text') current = stored?.item.textValue ?? '';
      if (spec.kind === 'masked' && stored?.item.valueEnc) {
        current = maskReviewValue('format' in spec ? spec.format : undefined, decryptField(stored.item.valueEnc, reviewItemContext(itemKey)));
      }
      if (spec.kind === 'file') current = { code: stored?.upload?.contentType === 'application/pdf' ? 'review.current_file.pdf' : 'review.current_file.image' };
      itemsToFix.push({
        key: itemKey,
        kind: spec.kind,
        field: replacementField(itemKey),
        current,
        allowPdf: spec.kind === 'file' && purposeAllowsPdf(uploadPurposeOfItem(itemKey)),
        reasons: reasons.map((r) => ({ code: r.code })),
      });
    }
  }
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    round: row.round,
    createdAt: row.createdAt,
    openedAt: row.openedAt,
    /** 预计完成时间 while open. */
    dueAt: row.state === 'open' ? row.dueAt : null,
    decidedAt: row.state === 'approved' || row.state === 'rejected' ? row.decidedAt : null,
    itemsToFix,
  };
}
