import { findChangeRequest } from '@/db/queries/change-requests';
import { findUploadOfAccount } from '@/db/queries/uploads';
import { AppError } from '@/lib/errors';
import { RENAME_PROOF_FIELDS, RENAME_PROOF_KEYS, type RenameProofsInput } from '@/lib/schemas/enterprise-rename';
import { isUuid } from '@/lib/schemas/uuid';
import { lockOwnChangeRequest, moveChangeRequest, oldSubjectOf } from './change-request-steps';
import type { RenameRegistryAnswer } from './complete-enterprise-rename';
import { openReviewCaseInTx } from '@/lib/features/review';
import { askRegistryForRename, subjectCode } from './query-registry-name';
import type { ChannelServiceContext } from '@/lib/features/channels';

/** The proofs are stored as change proofs (PDF allowed, SPEC §6). */
const PROOF_PURPOSE = 'change_proof';

/** What the reviewer is shown of the registry: keys and coded values the case page words (review.registry.<key>[.<value>]). */
function registryAnswerForReview(answer: RenameRegistryAnswer, now: Date): Record<string, unknown> {
  if (answer.kind === 'unavailable') return { status: 'unavailable', checkedAt: now.toISOString() };
  if (!answer.record) return { status: 'not_found', checkedAt: now.toISOString() };
  const r = answer.record;
  return {
    name: r.name,
    status: r.status === 'active' ? 'active' : 'deregistered',
    licenceType: r.licenceType === 'business_licence' ? 'business_licence' : 'other',
    formerNames: r.formerNames ?? [],
    checkedAt: now.toISOString(),
  };
}

/**
 * R-CHG-E2, review path: the three proofs (变更申请表, 工商局或事业单位上级主管单位的变更证明,
 * 新营业执照 — stored uploads of this account) and the new name open a 企业名称变更证明材料
 * case, answered within 1 business day; the request waits `in_review`. The registry's
 * current record is asked outside the transaction for the reviewer (a failure is shown
 * as such, it decides nothing). A double submit answers with the case the first opened.
 */
export async function submitRenameProofs(
  ctx: ChannelServiceContext,
  accountId: string,
  changeId: string,
  proofs: RenameProofsInput,
): Promise<{ reviewCaseId: string }> {
  const now = await ctx.clock.now();
  const row = isUuid(changeId) ? await findChangeRequest(ctx.db, accountId, changeId) : undefined;
  if (!row || row.type !== 'enterprise_rename') throw new AppError('NOT_FOUND');
  if (row.state === 'in_review' && row.reviewCaseId) return { reviewCaseId: row.reviewCaseId };
  if (row.state !== 'proofs' || !row.newName) throw new AppError('STEP_NOT_ALLOWED');
  for (const key of RENAME_PROOF_KEYS) {
    const upload = await findUploadOfAccount(ctx.db, proofs[key], accountId);
    if (!upload || upload.purpose !== PROOF_PURPOSE) throw new AppError('INVALID_INPUT', { field: RENAME_PROOF_FIELDS[key].file, reason: { code: 'change.error.upload_again', params: { label: RENAME_PROOF_FIELDS[key].label } } });
  }
  const subject = await oldSubjectOf(ctx.db, row);
  const registryAnswer = registryAnswerForReview(await askRegistryForRename(ctx, accountId, subjectCode(subject), now), now);

  return ctx.db.transaction(async (tx) => {
    const current = await lockOwnChangeRequest(tx, accountId, changeId);
    if (current.state === 'in_review' && current.reviewCaseId) return { reviewCaseId: current.reviewCaseId };
    if (current.state !== 'proofs' || !current.newName) throw new AppError('STEP_NOT_ALLOWED');
    const opened = await openReviewCaseInTx(
      tx,
      {
        accountId,
        kind: 'name_change_proofs',
        processId: current.id,
        items: [
          { key: 'new_enterprise_name', value: current.newName },
          ...RENAME_PROOF_KEYS.map((key) => ({ key: RENAME_PROOF_FIELDS[key].item, uploadId: proofs[key] })),
        ],
        registryAnswer,
      },
      now,
    );
    await moveChangeRequest(tx, current, 'submit_proofs', now, { reviewCaseId: opened.id });
    return { reviewCaseId: opened.id };
  });
}
