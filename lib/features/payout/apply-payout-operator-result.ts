import type { Tx } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { lockPayoutById } from '@/db/queries/payouts';
import type { ChannelSessionRow, PayoutVerificationRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import type { ChannelSessionState } from '@/lib/domain/channel-session';
import { divisionName } from '@/lib/geo/divisions';
import { decryptField } from '@/lib/security/crypto';
import { isUuid } from '@/lib/schemas/uuid';
import { openReviewCaseInTx, type ReviewCaseItemInput } from '@/lib/features/review';
import { movePayout } from './payout-verification-steps';
import { PAYOUT_BANK_ACCOUNT_CONTEXT, PAYOUT_LEGAL_REP_ID_CONTEXT, PAYOUT_OPERATOR_ID_CONTEXT } from '@/db/schema';

/** 银行所在地 as one line: "广东省 深圳市". */
export function bankLocationLabel(row: Pick<PayoutVerificationRow, 'bankProvince' | 'bankCity'>): string {
  return [divisionName(row.bankProvince) ?? row.bankProvince, divisionName(row.bankCity) ?? row.bankCity].join(' ');
}

/** What the reviewer judges (SPEC §7, R-E-PAY 3): the bank details, the legal rep, the operator, the held-ID photos. */
export function payoutReviewItems(row: PayoutVerificationRow): ReviewCaseItemInput[] {
  return [
    { key: 'enterprise_name', value: row.enterpriseName },
    { key: 'bank_account_number', value: decryptField(row.bankAccountEnc, PAYOUT_BANK_ACCOUNT_CONTEXT) },
    { key: 'bank_name', value: row.bankName },
    { key: 'bank_location', value: bankLocationLabel(row) },
    { key: 'bank_branch', value: row.bankBranch },
    { key: 'legal_rep_name', value: row.legalRepName },
    { key: 'legal_rep_id_number', value: decryptField(row.legalRepIdNumberEnc, PAYOUT_LEGAL_REP_ID_CONTEXT) },
    { key: 'operator_name', value: row.operatorName ?? '' },
    { key: 'operator_id_number', value: row.operatorIdNumberEnc ? decryptField(row.operatorIdNumberEnc, PAYOUT_OPERATOR_ID_CONTEXT) : '' },
    { key: 'legal_rep_id_portrait_photo', uploadId: row.portraitUploadId },
    { key: 'legal_rep_id_emblem_photo', uploadId: row.emblemUploadId },
  ];
}

/**
 * What the operator's settled face session means (R-E-PAY 2), in the callback's (or the
 * session sweeper's) transaction: passed → the review case opens (kind payout_materials,
 * with the registry's answer asked at 完成填写) and the run waits for the reviewer;
 * failed or expired → the operator check stays open to try again, with the reason. A
 * session that is not the run's current one changes nothing.
 */
export async function applyPayoutOperatorResult(tx: Tx, session: ChannelSessionRow, state: ChannelSessionState, now: Date): Promise<void> {
  const row = isUuid(session.reference) ? await lockPayoutById(tx, session.reference) : undefined;
  if (!row || row.operatorSessionId !== session.id || row.state !== 'operator_check' || session.channel !== 'face') {
    await appendAudit(tx, {
      at: now,
      action: 'payout_verification.operator_result_ignored',
      accountId: row?.accountId ?? null,
      target: auditTarget('channel_session', session.id),
      data: { reason: row ? 'superseded' : 'unknown_payout', state },
    });
    return;
  }
  if (state !== 'completed') {
    await movePayout(tx, row, 'operator_failed', now, { failureCode: state === 'expired' ? 'operator_session_expired' : `operator_${session.result ?? 'failed'}` }, null);
    return;
  }
  const opened = await openReviewCaseInTx(
    tx,
    { accountId: row.accountId, kind: 'payout_materials', processId: row.id, items: payoutReviewItems(row), registryAnswer: row.registryAnswer },
    now,
  );
  await movePayout(tx, row, 'operator_passed', now, { reviewCaseId: opened.id, operatorPassedAt: now, failureCode: null }, null);
}
