import { findUploadOfAccount } from '@/db/queries/uploads';
import { CHANGE_REVIEW_KIND } from '@/lib/domain/change/change-types';
import { AppError } from '@/lib/errors';
import { PROOF_FIELDS, proofKeysFor, type LegalRepDocument, type ProofField, type ProofKey } from '@/lib/schemas/enterprise-subject-change';
import { decryptField } from '@/lib/security/crypto';
import { CHANGE_LEGAL_REP_ID_CONTEXT, CHANGE_NEW_CODE_CONTEXT } from '@/db/schema';
import { moveChangeRequest } from './change-request-steps';
import type { ServiceContext } from '../context';
import { findOpenSubjectChange, lockOpenSubjectChange, SUBJECT_CHANGE_TYPE } from './enterprise-subject-change-steps';
import { openReviewCaseInTx, type ReviewCaseItemInput } from '@/lib/features/review';

export interface SubjectChangeProofsInput {
  changeId: string;
  legalRepDocument: LegalRepDocument;
  /** The stored uploads, by proof (the action stores the files chosen in the same post first). */
  uploadIds: Partial<Record<ProofKey, string>>;
}

/**
 * R-CHG-E1, the proofs: 变更申请表, 原营业执照或注销证明 and the legal rep's document
 * (法人手持身份证 both sides, or 法人护照或驾驶证). Opens the 企业主体变更证明材料 review case
 * with the request's data and the files, in the transaction that moves the request to
 * `in_review` (answer within 1 business day). Every file must be this account's upload of
 * the proof's purpose (a licence cannot stand in for an ID photo). A second submit of the
 * same request (double click) answers the case already opened.
 */
export async function submitSubjectChangeProofs(ctx: ServiceContext, accountId: string, input: SubjectChangeProofsInput): Promise<{ reviewCaseId: string }> {
  const now = await ctx.clock.now();
  const seen = await findOpenSubjectChange(ctx.db, accountId, input.changeId, now);
  if (seen.state === 'in_review' && seen.reviewCaseId) return { reviewCaseId: seen.reviewCaseId };
  if (seen.state !== 'proofs') throw new AppError('STEP_NOT_ALLOWED');

  const files: ReviewCaseItemInput[] = [];
  for (const key of proofKeysFor(input.legalRepDocument)) {
    const f: ProofField = PROOF_FIELDS[key];
    const id = input.uploadIds[key];
    const upload = id ? await findUploadOfAccount(ctx.db, id, accountId) : undefined;
    if (!upload || upload.purpose !== f.purpose) throw new AppError('INVALID_INPUT', { field: f.file, reason: { code: 'change.error.upload_again', params: { label: f.label } } });
    files.push({ key: f.item, uploadId: upload.id });
  }

  return ctx.db.transaction(async (tx) => {
    const row = await lockOpenSubjectChange(tx, accountId, input.changeId, now);
    if (row.state === 'in_review' && row.reviewCaseId) return { reviewCaseId: row.reviewCaseId };
    if (row.state !== 'proofs' || !row.legalRepName || !row.legalRepIdNumberEnc || !row.newName || !row.newCodeEnc) throw new AppError('STEP_NOT_ALLOWED');
    const opened = await openReviewCaseInTx(
      tx,
      {
        accountId,
        kind: CHANGE_REVIEW_KIND[SUBJECT_CHANGE_TYPE]!,
        processId: row.id,
        items: [
          { key: 'old_legal_rep_name', value: row.legalRepName },
          { key: 'old_legal_rep_id_number', value: decryptField(row.legalRepIdNumberEnc, CHANGE_LEGAL_REP_ID_CONTEXT) },
          { key: 'new_enterprise_name', value: row.newName },
          { key: 'new_enterprise_code', value: decryptField(row.newCodeEnc, CHANGE_NEW_CODE_CONTEXT) },
          ...files,
        ],
      },
      now,
    );
    await moveChangeRequest(tx, row, 'submit_proofs', now, { reviewCaseId: opened.id });
    return { reviewCaseId: opened.id };
  });
}
