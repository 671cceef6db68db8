import { appendAudit } from '@/db/queries/audit';
import { findAccountReviewCase, lockAccountReviewCase, moveReviewCase, updateReviewCaseItem } from '@/db/queries/review-cases';
import { auditTarget } from '@/lib/domain/audit';
import { addBusinessDays } from '@/lib/domain/business-days';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import { REVIEW_ITEMS, validateReviewValue, type ReviewItemKey, type ReviewValueRefusal } from '@/lib/domain/review/items';
import type { MessageRef } from '@/lib/messages';
import { REVIEW_SLA_BUSINESS_DAYS } from '@/lib/domain/review/kinds';
import { AppError, isAppError } from '@/lib/errors';
import { encryptField } from '@/lib/security/crypto';
import { purposeAllowsPdf, type UploadPurpose } from '@/lib/storage/purposes';
import { getBusinessCalendar } from '@/lib/features/calendar';
import { handleReviewResubmission } from './handle-review-resubmission';
import { reviewItemContext } from './open-review-case';
import { storeUpload, type StorageServiceContext } from '@/lib/features/uploads';

/** Where a replaced file goes: licences and held-ID photos as JPG/PNG, every other proof may be a PDF (R-CHG-E1). */
const UPLOAD_PURPOSE_OF: Partial<Record<ReviewItemKey, UploadPurpose>> = {
  business_licence: 'business_licence',
  legal_rep_id_portrait_photo: 'legal_rep_id_front',
  legal_rep_id_emblem_photo: 'legal_rep_id_back',
};

export function uploadPurposeOfItem(key: ReviewItemKey): UploadPurpose {
  return UPLOAD_PURPOSE_OF[key] ?? 'change_proof';
}

/** The form field of an item's replacement (the error beside it names it too). */
export function replacementField(key: ReviewItemKey): string {
  return `item_${key}`;
}

export interface ResubmitReviewCaseInput {
  caseId: string;
  /** The round the user saw rejected. */
  round: number;
  /** New values of rejected text / masked items (blank = unchanged). */
  values: Partial<Record<string, string>>;
  /** New files of rejected file items (checked and stored through storeUpload). */
  files: Partial<Record<string, Uint8Array>>;
}

/**
 * SPEC §13 structured rejection: the user replaces only the items the reviewer rejected
 * — anything else posted is ignored (SECURITY 13) — at least one of them, and the case
 * re-opens as the next round with a new due time. Files are stored first (each its own
 * checked upload); the case moves in one transaction that re-checks it is still the
 * rejected round the user saw.
 */
export async function resubmitReviewCase(ctx: StorageServiceContext, accountId: string, input: ResubmitReviewCaseInput) {
  const now = await ctx.clock.now();
  const row = await findAccountReviewCase(ctx.db, accountId, input.caseId);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.state !== 'rejected' || row.round !== input.round || row.reasonsRound !== row.round) throw new AppError('REVIEW_NOT_RESUBMITTABLE');
  const rejected = [...new Set(row.reasons.map((r) => r.itemKey))];

  const today = chinaCalendarDate(now);
  const replacements: { key: ReviewItemKey; textValue?: string; valueEnc?: string; bytes?: Uint8Array }[] = [];
  for (const key of rejected) {
    const spec = REVIEW_ITEMS[key];
    if (spec.kind === 'file') {
      const bytes = input.files[key];
      if (bytes && bytes.byteLength > 0) replacements.push({ key, bytes });
      continue;
    }
    const raw = input.values[key];
    if (raw === undefined || raw.trim() === '') continue;
    const checked = validateReviewValue(key, raw, today);
    if (!checked.ok) throw new AppError('INVALID_INPUT', { field: replacementField(key), ...refusalDetail(checked.refusal) });
    replacements.push(spec.kind === 'masked' ? { key, valueEnc: encryptField(checked.value, reviewItemContext(key)) } : { key, textValue: checked.value });
  }
  if (replacements.length === 0) throw new AppError('REVIEW_NOTHING_CHANGED');

  const uploads = new Map<ReviewItemKey, string>();
  for (const r of replacements) {
    if (!r.bytes) continue;
    const purpose = uploadPurposeOfItem(r.key);
    try {
      const stored = await storeUpload(ctx, accountId, { purpose, bytes: r.bytes, allowPdf: purposeAllowsPdf(purpose) });
      uploads.set(r.key, stored.id);
    } catch (error) {
      // The upload's message, beside this item's field.
      if (isAppError(error)) throw new AppError(error.code, { ...error.detail, field: replacementField(r.key) });
      throw error;
    }
  }

  const calendar = await getBusinessCalendar(ctx.db);
  const nextRound = row.round + 1;
  const dueAt = addBusinessDays(calendar, now, REVIEW_SLA_BUSINESS_DAYS[row.kind]);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockAccountReviewCase(tx, accountId, row.id);
    if (!locked || locked.state !== 'rejected' || locked.round !== row.round) throw new AppError('REVIEW_NOT_RESUBMITTABLE');
    for (const r of replacements) {
      await updateReviewCaseItem(tx, row.id, r.key, {
        textValue: r.textValue ?? null,
        valueEnc: r.valueEnc ?? null,
        uploadId: uploads.get(r.key) ?? null,
        submittedRound: nextRound,
      });
    }
    const reopened = await moveReviewCase(tx, row.id, ['rejected'], row.round, {
      state: 'open',
      round: nextRound,
      openedAt: now,
      dueAt,
      decidedAt: null,
      decidedBy: null,
      updatedAt: now,
    });
    await appendAudit(tx, {
      at: now,
      action: 'review_case.resubmitted',
      actorAccountId: accountId,
      accountId,
      target: auditTarget('review_case', row.id),
      data: { kind: row.kind, round: nextRound, items: replacements.map((r) => r.key), dueAt },
    });
    if (!reopened) throw new AppError('REVIEW_NOT_RESUBMITTABLE');
    // The flow that opened the case takes the new round (e.g. the payout back to under_review).
    await handleReviewResubmission(tx, reopened, now);
    return { caseId: row.id, round: nextRound, dueAt };
  });
}

/** A refused value's sentence, naming its item (review.value.<code>). */
function refusalDetail(refusal: ReviewValueRefusal): { reason: MessageRef } {
  if (refusal.code === 'shared_rule') return { reason: refusal.phrase as MessageRef };
  const { code, ...params } = refusal;
  return { reason: { code: `review.value.${code}`, params } };
}
