import { appendAudit } from '@/db/queries/audit';
import { findPersonalVerification, insertPersonalVerification } from '@/db/queries/personal-verifications';
import { claimAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import { auditTarget } from '@/lib/domain/audit';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '../context';
import { PERSONAL_PROCESS } from '@/db/schema';

/**
 * After a failure: 重新认证 starts a new attempt with the same confirmed data at step 2
 * (`choose_method`), 返回修改认证信息 at step 1 (`edit`). The failed attempt stays as it
 * was — it counts for R-LIM-7.
 */
export async function retryPersonalVerification(ctx: ServiceContext, accountId: string, failedId: string, mode: 'choose_method' | 'edit') {
  const now = await ctx.clock.now();
  const failed = /^[0-9a-f-]{36}$/i.test(failedId) ? await findPersonalVerification(ctx.db, accountId, failedId) : undefined;
  if (!failed) throw new AppError('NOT_FOUND');
  if (failed.state !== 'failed') throw new AppError('STEP_NOT_ALLOWED');
  if (await findCurrentSubject(ctx.db, accountId)) throw new AppError('SUBJECT_EXISTS');

  return ctx.db.transaction(async (tx) => {
    const row = await insertPersonalVerification(tx, {
      accountId,
      state: mode === 'edit' ? 'draft' : 'confirmed',
      realName: failed.realName,
      documentType: failed.documentType,
      documentNumberEnc: failed.documentNumberEnc,
      identityKey: failed.identityKey,
      birthDate: failed.birthDate,
      industry: failed.industry,
      province: failed.province,
      city: failed.city,
      district: failed.district,
      addressDetail: failed.addressDetail,
      createdAt: now,
      updatedAt: now,
    });
    if (!(await claimAccountProcess(tx, { accountId, kind: PERSONAL_PROCESS, processId: row.id, startedAt: now }))) {
      throw new AppError('PROCESS_IN_PROGRESS');
    }
    await appendAudit(tx, {
      at: now,
      action: 'personal_verification.retried',
      actorAccountId: accountId,
      accountId,
      target: auditTarget('personal_verification', row.id),
      data: { after: failed.id, mode },
    });
    return { verificationId: row.id };
  });
}
