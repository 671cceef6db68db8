import { appendAudit } from '@/db/queries/audit';
import { enterpriseLimitOf } from '@/db/queries/enterprise-limits';
import { countCurrentHolders, findCurrentSubject } from '@/db/queries/subjects';
import { changeExpiresAt } from '@/lib/domain/change/deadlines';
import { checkChangeStart } from '@/lib/domain/change/eligibility';
import { checkNewEnterprise } from '@/lib/domain/change/new-subject';
import { AppError } from '@/lib/errors';
import { isValidAddress } from '@/lib/geo/divisions';
import type { EnterpriseSubjectChangeInput } from '@/lib/schemas/enterprise-subject-change';
import { decryptField, encryptField } from '@/lib/security/crypto';
import { CHANGE_LEGAL_REP_ID_CONTEXT, CHANGE_NEW_CODE_CONTEXT } from '@/db/schema';
import { changeFacts, insertChangeRequestWithProcess } from './change-request-steps';
import { SUBJECT_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import type { ServiceContext } from '../context';
import { enterpriseIdentityKey } from '@/lib/features/enterprise';
import { requireConfirmedEmail } from '@/lib/features/account';

const TYPE = 'enterprise_to_enterprise';


/**
 * 变更企业主体（A企业变成B企业）(R-CHG-E1), 开始修改: the enterprise account ticks
 * 《实名认证主体变更协议》 and names the old legal rep and the new enterprise (企业名称, code,
 * 通讯地址). The request takes the account's one process (R-LIM-9), is valid 7 days as a
 * whole and waits for the old legal rep's face check; the subject stays as it is (R-CHG-2).
 * Refused, changing nothing (the reason beside its field where it has one):
 * - not an enterprise, another process running, within 30 days of the last completed
 *   verification (「… 后可变更」, R-CHG-4);
 * - the old legal rep differs from the one on file, when the subject has one;
 * - B is A (same enterprise: that is 变更企业名称), or B already holds its accounts (R-CHG-6, fail early).
 * The old legal rep's ID and the new code are stored encrypted.
 */
export async function startEnterpriseSubjectChange(ctx: ServiceContext, accountId: string, input: EnterpriseSubjectChangeInput): Promise<{ changeId: string }> {
  await requireConfirmedEmail(ctx.db, accountId);
  if (!isValidAddress(input.province, input.city, input.district)) {
    throw new AppError('INVALID_INPUT', { field: 'district', reason: { code: 'change.error.address_invalid' } });
  }
  const now = await ctx.clock.now();
  const subject = await findCurrentSubject(ctx.db, accountId);
  const check = checkChangeStart(await changeFacts(ctx.db, accountId, now, subject), TYPE);
  if (!check.ok) throw new AppError(check.refusal === 'in_progress' ? 'PROCESS_IN_PROGRESS' : 'CHANGE_NOT_ALLOWED', { reason: check.reason });
  if (!subject || subject.kind !== 'enterprise') throw new AppError('CHANGE_NOT_ALLOWED');

  if (subject.legalRepName && subject.legalRepIdNumberEnc) {
    if (subject.legalRepName !== input.legalRepName) throw new AppError('INVALID_INPUT', { field: 'legalRepName', reason: { code: 'change.error.old_legal_rep_name_mismatch' } });
    if (decryptField(subject.legalRepIdNumberEnc, SUBJECT_LEGAL_REP_ID_CONTEXT) !== input.legalRepIdNumber) {
      throw new AppError('INVALID_INPUT', { field: 'legalRepIdNumber', reason: { code: 'change.error.old_legal_rep_id_mismatch' } });
    }
  }
  const currentCode = decryptField(subject.documentNumberEnc, SUBJECT_DOCUMENT_CONTEXT);
  const same = checkNewEnterprise({ name: subject.name, code: currentCode }, { name: input.enterpriseName, code: input.code });
  if (!same.ok) throw new AppError('INVALID_INPUT', { field: 'code', reason: { code: `change.new_subject.${same.refusal}` } });
  const newKey = enterpriseIdentityKey(input.code, input.enterpriseName);
  const limit = await enterpriseLimitOf(ctx.db, newKey);
  if ((await countCurrentHolders(ctx.db, newKey)) >= limit) {
    await appendAudit(ctx.db, { at: now, action: 'limit.enterprise_full', actorAccountId: accountId, accountId, data: { stage: 'change_start' } });
    throw new AppError('ENTERPRISE_LIMIT', { reason: { code: 'change.error.enterprise_full', params: { limit } } });
  }

  return ctx.db.transaction(async (tx) => {
    const row = await insertChangeRequestWithProcess(
      tx,
      {
        accountId,
        type: TYPE,
        state: 'face_check',
        oldSubjectId: subject.id,
        legalRepName: input.legalRepName,
        legalRepIdNumberEnc: encryptField(input.legalRepIdNumber, CHANGE_LEGAL_REP_ID_CONTEXT),
        newName: input.enterpriseName,
        newCodeEnc: encryptField(input.code, CHANGE_NEW_CODE_CONTEXT),
        province: input.province,
        city: input.city,
        district: input.district,
        addressDetail: input.addressDetail,
        expiresAt: changeExpiresAt(TYPE, now),
        createdAt: now,
        updatedAt: now,
      },
      [{ purpose: 'subject_change', given: input.consent }],
      { subjectKind: subject.kind },
    );
    return { changeId: row.id };
  });
}
