import { appendAudit } from '@/db/queries/audit';
import { findReviewCase, findReviewCaseItem } from '@/db/queries/review-cases';
import { auditTarget } from '@/lib/domain/audit';
import { isReviewItemKey, REVIEW_ITEMS } from '@/lib/domain/review/items';
import { BACK_OFFICE_ROLES } from '@/lib/domain/review/staff';
import { AppError } from '@/lib/errors';
import { decryptField } from '@/lib/security/crypto';
import { authorizeReviewStaff } from '@/lib/features/account';
import type { ServiceContext } from '../context';
import { reviewItemContext } from './open-review-case';

/**
 * 查看 on a masked field (SPEC §7, SECURITY 20): the clear value of one masked item, to
 * staff only, each time with an audit row that names the item but never holds the value.
 * A reviewer cannot reveal on a case of their own account (they do not review it).
 */
export async function revealReviewItem(ctx: ServiceContext, actorAccountId: string, input: { caseId: string; itemKey: string }) {
  const now = await ctx.clock.now();
  await authorizeReviewStaff(ctx.db, actorAccountId, BACK_OFFICE_ROLES, now, 'review_case.reveal');
  const row = await findReviewCase(ctx.db, input.caseId);
  if (!row || !isReviewItemKey(input.itemKey)) throw new AppError('NOT_FOUND');
  if (row.accountId === actorAccountId) throw new AppError('REVIEW_OWN_ACCOUNT');
  const item = await findReviewCaseItem(ctx.db, row.id, input.itemKey);
  if (!item?.valueEnc || REVIEW_ITEMS[input.itemKey].kind !== 'masked') throw new AppError('NOT_FOUND');
  const value = decryptField(item.valueEnc, reviewItemContext(input.itemKey));
  await appendAudit(ctx.db, {
    at: now,
    action: 'review_case.revealed',
    actorAccountId,
    accountId: row.accountId,
    target: auditTarget('review_case', row.id),
    data: { item: input.itemKey, round: row.round },
  });
  return { itemKey: input.itemKey, value };
}
