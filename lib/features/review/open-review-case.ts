import type { Db } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { insertReviewCase } from '@/db/queries/review-cases';
import { findUploadOfAccount } from '@/db/queries/uploads';
import { auditTarget } from '@/lib/domain/audit';
import { addBusinessDays } from '@/lib/domain/business-days';
import { REVIEW_ITEMS, type ReviewItemKey } from '@/lib/domain/review/items';
import { REVIEW_SLA_BUSINESS_DAYS, type ReviewCaseKind } from '@/lib/domain/review/kinds';
import { AppError } from '@/lib/errors';
import { encryptField } from '@/lib/security/crypto';
import type { ServiceContext } from '../context';
import { getBusinessCalendar } from '@/lib/features/calendar';

/** A text or masked item carries its clear value (masked ones are encrypted here); a file item its upload. */
export type ReviewCaseItemInput = { key: ReviewItemKey; value: string } | { key: ReviewItemKey; uploadId: string };

export interface OpenReviewCaseInput {
  accountId: string;
  kind: ReviewCaseKind;
  /** The id of what the opening flow tracks; the decision handler gets it back on the case row. */
  processId: string;
  items: readonly ReviewCaseItemInput[];
  /** What the business registry answered, when the flow asked it (shown to the reviewer). */
  registryAnswer?: Record<string, unknown> | null;
}

/** The encryption context of a masked item's value: bound to its item, so a ciphertext cannot be moved to another. */
export function reviewItemContext(key: ReviewItemKey): string {
  return `review_case_item:${key}`;
}

/**
 * Opens a review case inside the caller's transaction (a flow opens its case together
 * with its own state change). `now` is read by the caller before the transaction
 * (PGlite). Due in the kind's business days on the one calendar (SPEC §13). A file item
 * must be an upload of the same account.
 */
export async function openReviewCaseInTx(tx: Db, input: OpenReviewCaseInput, now: Date): Promise<{ id: string; dueAt: Date }> {
  if (input.items.length === 0) throw new Error('openReviewCase: a case judges at least one item');
  const keys = new Set<ReviewItemKey>();
  const rows = [];
  for (const [position, item] of input.items.entries()) {
    if (keys.has(item.key)) throw new Error(`openReviewCase: item ${item.key} given twice`);
    keys.add(item.key);
    const spec = REVIEW_ITEMS[item.key];
    if (spec.kind === 'file') {
      if (!('uploadId' in item)) throw new Error(`openReviewCase: item ${item.key} is a file`);
      if (!(await findUploadOfAccount(tx, item.uploadId, input.accountId))) throw new AppError('NOT_FOUND');
      rows.push({ key: item.key, position, uploadId: item.uploadId });
    } else {
      if (!('value' in item)) throw new Error(`openReviewCase: item ${item.key} is not a file`);
      rows.push(
        spec.kind === 'masked'
          ? { key: item.key, position, valueEnc: encryptField(item.value, reviewItemContext(item.key)) }
          : { key: item.key, position, textValue: item.value },
      );
    }
  }

  const dueAt = addBusinessDays(await getBusinessCalendar(tx), now, REVIEW_SLA_BUSINESS_DAYS[input.kind]);
  const row = await insertReviewCase(
    tx,
    {
      accountId: input.accountId,
      kind: input.kind,
      processId: input.processId,
      state: 'open',
      round: 1,
      registryAnswer: input.registryAnswer ?? null,
      createdAt: now,
      openedAt: now,
      dueAt,
      updatedAt: now,
    },
    rows,
  );
  await appendAudit(tx, {
    at: now,
    action: 'review_case.opened',
    actorAccountId: input.accountId,
    accountId: input.accountId,
    target: auditTarget('review_case', row.id),
    data: { kind: input.kind, round: 1, items: [...keys], dueAt },
  });
  return { id: row.id, dueAt };
}

/** The same in a transaction of its own (fixtures, the demo seed). */
export async function openReviewCase(ctx: ServiceContext, input: OpenReviewCaseInput): Promise<{ id: string; dueAt: Date }> {
  const now = await ctx.clock.now();
  return ctx.db.transaction((tx) => openReviewCaseInTx(tx, input, now));
}
