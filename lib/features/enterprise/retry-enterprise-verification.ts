import { appendAudit } from '@/db/queries/audit';
import { findEnterpriseVerification, insertEnterpriseVerification } from '@/db/queries/enterprise-verifications';
import { claimAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import { auditTarget } from '@/lib/domain/audit';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '../context';
import { ENTERPRISE_PROCESS } from '@/db/schema';
import { isUuid } from '@/lib/schemas/uuid';

/**
 * After a failure, a new attempt with the same step-1 data, at step 2:
 * - `choose_method` (重新认证): choose any method;
 * - `same_method`: the same, with the failed attempt's method (and legal rep) kept on
 *   the draft so that the page can pre-select it — nothing is opened until chosen;
 * - `edit` (返回修改认证信息): for the page to open step 1 with the data (submitting it
 *   goes through startEnterpriseVerification, which edits this attempt and asks the
 *   registry again).
 * The failed attempt stays as it was — it counts for R-LIM-7. The registry's answer is
 * carried over; choosing a method re-asks it when stale.
 */
export async function retryEnterpriseVerification(
  ctx: ServiceContext,
  accountId: string,
  failedId: string,
  mode: 'choose_method' | 'same_method' | 'edit',
): Promise<{ verificationId: string; step: 'info' | 'method' }> {
  const now = await ctx.clock.now();
  const failed = isUuid(failedId) ? await findEnterpriseVerification(ctx.db, accountId, failedId) : undefined;
  if (!failed) throw new AppError('NOT_FOUND');
  if (failed.state !== 'failed') throw new AppError('STEP_NOT_ALLOWED');
  if (await findCurrentSubject(ctx.db, accountId)) throw new AppError('SUBJECT_EXISTS');

  return ctx.db.transaction(async (tx) => {
    const row = await insertEnterpriseVerification(tx, {
      accountId,
      state: 'draft',
      licenceType: failed.licenceType,
      licenceUploadId: failed.licenceUploadId,
      enterpriseName: failed.enterpriseName,
      codeEnc: failed.codeEnc,
      identityKey: failed.identityKey,
      province: failed.province,
      city: failed.city,
      district: failed.district,
      addressDetail: failed.addressDetail,
      contactName: failed.contactName,
      contactIdNumberEnc: failed.contactIdNumberEnc,
      contactMobileEnc: failed.contactMobileEnc,
      registryCheckedAt: failed.registryCheckedAt,
      ...(mode === 'same_method' ? { method: failed.method, legalRepName: failed.legalRepName, legalRepIdNumberEnc: failed.legalRepIdNumberEnc } : {}),
      createdAt: now,
      updatedAt: now,
    });
    if (!(await claimAccountProcess(tx, { accountId, kind: ENTERPRISE_PROCESS, processId: row.id, startedAt: now }))) {
      throw new AppError('PROCESS_IN_PROGRESS');
    }
    await appendAudit(tx, {
      at: now,
      action: 'enterprise_verification.retried',
      actorAccountId: accountId,
      accountId,
      target: auditTarget('enterprise_verification', row.id),
      data: { after: failed.id, mode },
    });
    return { verificationId: row.id, step: mode === 'edit' ? 'info' : 'method' };
  });
}
