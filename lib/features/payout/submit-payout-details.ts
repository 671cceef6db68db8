import { appendAudit } from '@/db/queries/audit';
import { findEnterpriseVerification } from '@/db/queries/enterprise-verifications';
import { insertPayoutVerification } from '@/db/queries/payouts';
import { findUploadOfAccount } from '@/db/queries/uploads';
import { checkLegalRepresentative } from '@/lib/channels/registry';
import { auditTarget } from '@/lib/domain/audit';
import { divisionName } from '@/lib/geo/divisions';
import { isEnterpriseInProgress } from '@/lib/domain/verification/enterprise-machine';
import { NOT_BUSINESS_NOTICE } from '@/lib/domain/verification/enterprise-methods';
import { AppError } from '@/lib/errors';
import type { PayoutDetailsInput } from '@/lib/schemas/payout';
import { decryptField, encryptField } from '@/lib/security/crypto';
import { createLimiter } from '@/lib/security/rate-limit';
import { enterpriseMethodOffer, LEGAL_REP_CHECKS_PER_DAY, REGISTRY_FRESH_MS } from '@/lib/features/enterprise';
import { askRegistry, checkEnterpriseRegistry, registryCheckApplies } from '@/lib/features/enterprise';
import { ENTERPRISE_CODE_CONTEXT } from '@/db/schema';
import { lockOwnEnterprise, moveEnterprise } from '@/lib/features/enterprise';
import { isUuid } from '@/lib/schemas/uuid';
import { requireConsentInTx } from '@/lib/features/account';
import { PAYOUT_BANK_ACCOUNT_CONTEXT, PAYOUT_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import type { ChannelServiceContext } from '@/lib/features/channels';

/** Which photo goes where: the upload's purpose must match (a licence cannot stand in for an ID photo). */
const PHOTO_PURPOSE = { emblemUploadId: 'legal_rep_id_back', portraitUploadId: 'legal_rep_id_front' } as const;

/**
 * R-E-PAY 1, 完成填写: the enterprise verification moves to `awaiting_bank` (method
 * payout) and a payout run starts at the operator check. Submission cannot be withdrawn
 * as such (提交后不可撤回): the details are reviewed as sent; 撤销审核 ends the run.
 *
 * The registry is asked BEFORE the transaction (no HTTP call holds row locks): R-E-REG
 * again when stale, and whether the legal representative typed is the one it lists —
 * the answer is not a refusal here (a reviewer judges the materials) but is kept for
 * the review case. Both photos must be this account's uploads of the right purpose.
 */
export async function submitPayoutDetails(
  ctx: ChannelServiceContext,
  accountId: string,
  input: PayoutDetailsInput & { verificationId: string },
): Promise<{ payoutId: string }> {
  const now = await ctx.clock.now();
  const row = isUuid(input.verificationId) ? await findEnterpriseVerification(ctx.db, accountId, input.verificationId) : undefined;
  if (!row) throw new AppError('NOT_FOUND');
  if (!isEnterpriseInProgress(row.state) || row.state === 'awaiting_bank') throw new AppError('STEP_NOT_ALLOWED');

  const option = (await enterpriseMethodOffer(ctx, row, now)).options.find((o) => o.method === 'payout');
  if (!option?.available) {
    await appendAudit(ctx.db, { at: now, action: 'limit.method_refused', actorAccountId: accountId, accountId, data: { method: 'payout' } });
    throw new AppError('METHOD_UNAVAILABLE', { reason: { code: option?.reason ?? NOT_BUSINESS_NOTICE } });
  }
  if (!divisionName(input.bankProvince) || !divisionName(input.bankCity)) throw new AppError('INVALID_INPUT', { field: 'bankCity', reason: { code: 'enterprise.bank.regionRequired' } });
  for (const [field, purpose] of Object.entries(PHOTO_PURPOSE) as [keyof typeof PHOTO_PURPOSE, string][]) {
    const upload = await findUploadOfAccount(ctx.db, input[field], accountId);
    if (!upload || upload.purpose !== purpose) throw new AppError('INVALID_INPUT', { field, reason: { code: 'enterprise.upload.again' } });
  }

  // SECURITY 17: on record before the registry hears the legal rep's ID number.
  await ctx.db.transaction((tx) =>
    requireConsentInTx(tx, { accountId, purpose: 'bank_and_id_photos', processRef: `enterprise_verification:${row.id}`, given: input.consent }, now),
  );

  const code = decryptField(row.codeEnc, ENTERPRISE_CODE_CONTEXT);
  let registryCheckedAt = row.registryCheckedAt;
  let registryAnswer: Record<string, unknown> = { applicable: false };
  if (registryCheckApplies(row.licenceType, code)) {
    if (!registryCheckedAt || now.getTime() - registryCheckedAt.getTime() > REGISTRY_FRESH_MS) {
      if (await checkEnterpriseRegistry(ctx, accountId, { licenceType: row.licenceType, code, enterpriseName: row.enterpriseName }, now)) registryCheckedAt = now;
    }
    if (!(await createLimiter(ctx.db, LEGAL_REP_CHECKS_PER_DAY).take(accountId)).allowed) {
      await appendAudit(ctx.db, { at: now, action: 'limit.legal_rep_checks', actorAccountId: accountId, accountId, data: { rule: LEGAL_REP_CHECKS_PER_DAY.name } });
      throw new AppError('RATE_LIMITED');
    }
    const listed = await askRegistry(ctx, accountId, now, (transport) =>
      checkLegalRepresentative({ code, name: input.legalRepName, idNumber: input.legalRepIdNumber }, transport),
    );
    registryAnswer = { applicable: true, enterpriseActive: true, legalRepListed: listed, checkedAt: now.toISOString() };
  }

  return ctx.db.transaction(async (tx) => {
    const current = await lockOwnEnterprise(tx, accountId, row.id);
    await moveEnterprise(tx, current, 'start_bank', now, { method: 'payout', channelSessionId: null, failureCode: null, registryCheckedAt });
    const payout = await insertPayoutVerification(tx, {
      accountId,
      enterpriseVerificationId: row.id,
      state: 'operator_check',
      enterpriseName: row.enterpriseName,
      bankAccountEnc: encryptField(input.bankAccount, PAYOUT_BANK_ACCOUNT_CONTEXT),
      bankName: input.bankName,
      bankProvince: input.bankProvince,
      bankCity: input.bankCity,
      bankBranch: input.bankBranch,
      legalRepName: input.legalRepName,
      legalRepIdNumberEnc: encryptField(input.legalRepIdNumber, PAYOUT_LEGAL_REP_ID_CONTEXT),
      emblemUploadId: input.emblemUploadId,
      portraitUploadId: input.portraitUploadId,
      registryAnswer,
      submittedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await appendAudit(tx, {
      at: now,
      action: 'payout_verification.submitted',
      actorAccountId: accountId,
      accountId,
      target: auditTarget('payout_verification', payout.id),
      data: { enterpriseVerificationId: row.id, bankName: input.bankName, legalRepListed: registryAnswer.legalRepListed ?? null },
    });
    return { payoutId: payout.id };
  });
}
