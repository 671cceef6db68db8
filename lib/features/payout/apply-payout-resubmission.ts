import type { Tx } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { lockPayoutById } from '@/db/queries/payouts';
import { listReviewCaseItems } from '@/db/queries/review-cases';
import type { PayoutVerificationRow, ReviewCaseRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import type { ReviewItemKey } from '@/lib/domain/review/items';
import { childrenOf, provinces } from '@/lib/geo/divisions';
import { decryptField, encryptField } from '@/lib/security/crypto';
import { reviewItemContext } from '@/lib/features/review';
import { movePayout } from './payout-verification-steps';
import { PAYOUT_BANK_ACCOUNT_CONTEXT, PAYOUT_LEGAL_REP_ID_CONTEXT, PAYOUT_OPERATOR_ID_CONTEXT } from '@/db/schema';

type PayoutChanges = Partial<Pick<PayoutVerificationRow, 'bankAccountEnc' | 'bankName' | 'bankProvince' | 'bankCity' | 'bankBranch' | 'legalRepName' | 'legalRepIdNumberEnc' | 'operatorName' | 'operatorIdNumberEnc' | 'emblemUploadId' | 'portraitUploadId'>>;

/** "广东省 深圳市" back to its division codes, when it names a province and one of its cities. */
function locationCodes(label: string): { bankProvince: string; bankCity: string } | null {
  const [provinceName, cityName] = label.split(' ');
  const province = provinces().find((p) => p.name === provinceName);
  const city = province && childrenOf(province.code).find((c) => c.name === cityName);
  return province && city ? { bankProvince: province.code, bankCity: city.code } : null;
}

/**
 * R-E-PAY 6: the user replaced rejected items of the payout's case (the review page's
 * resubmission); the run takes the replaced values — the payout goes to the account now
 * on the case — and waits for the reviewer again. Runs in the resubmission's transaction.
 */
export async function applyPayoutResubmission(tx: Tx, resubmitted: ReviewCaseRow, now: Date): Promise<void> {
  const row = await lockPayoutById(tx, resubmitted.processId);
  if (!row || row.reviewCaseId !== resubmitted.id || row.state !== 'rejected') {
    await appendAudit(tx, { at: now, action: 'payout_verification.resubmission_ignored', accountId: resubmitted.accountId, target: auditTarget('payout_verification', resubmitted.processId), data: { reviewCaseId: resubmitted.id, state: row?.state ?? null } });
    return;
  }
  const changes: PayoutChanges = {};
  for (const { item } of await listReviewCaseItems(tx, resubmitted.id)) {
    if (item.submittedRound !== resubmitted.round) continue;
    const text = item.textValue ?? (item.valueEnc ? decryptField(item.valueEnc, reviewItemContext(item.key)) : null);
    const move = (key: ReviewItemKey, context: string) => (key === item.key && text !== null ? encryptField(text, context) : undefined);
    switch (item.key) {
      case 'bank_account_number':
        changes.bankAccountEnc = move('bank_account_number', PAYOUT_BANK_ACCOUNT_CONTEXT);
        break;
      case 'legal_rep_id_number':
        changes.legalRepIdNumberEnc = move('legal_rep_id_number', PAYOUT_LEGAL_REP_ID_CONTEXT);
        break;
      case 'operator_id_number':
        changes.operatorIdNumberEnc = move('operator_id_number', PAYOUT_OPERATOR_ID_CONTEXT);
        break;
      case 'bank_name':
        if (text) changes.bankName = text;
        break;
      case 'bank_branch':
        if (text) changes.bankBranch = text;
        break;
      case 'legal_rep_name':
        if (text) changes.legalRepName = text;
        break;
      case 'operator_name':
        if (text) changes.operatorName = text;
        break;
      case 'bank_location':
        Object.assign(changes, text ? (locationCodes(text) ?? {}) : {});
        break;
      case 'legal_rep_id_emblem_photo':
        if (item.uploadId) changes.emblemUploadId = item.uploadId;
        break;
      case 'legal_rep_id_portrait_photo':
        if (item.uploadId) changes.portraitUploadId = item.uploadId;
        break;
    }
  }
  await movePayout(tx, row, 'resubmit', now, changes);
}
