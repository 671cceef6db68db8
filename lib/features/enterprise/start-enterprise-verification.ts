import { appendAudit } from '@/db/queries/audit';
import { enterpriseLimitOf } from '@/db/queries/enterprise-limits';
import {
  findEnterpriseVerification,
  insertEnterpriseVerification,
  lockEnterpriseVerification,
  updateEnterpriseVerification,
} from '@/db/queries/enterprise-verifications';
import { claimAccountProcess, countCurrentHolders, findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import { findUploadOfAccount } from '@/db/queries/uploads';
import type { EnterpriseVerificationRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { enterpriseFailureText } from '@/lib/domain/verification/enterprise-outcome';
import { enterpriseTransition, isEnterpriseInProgress } from '@/lib/domain/verification/enterprise-machine';
import { enterpriseIdentityMaterial } from '@/lib/domain/verification/enterprise-identity';
import { AppError } from '@/lib/errors';
import { isValidAddress } from '@/lib/geo/divisions';
import type { EnterpriseInfoInput } from '@/lib/schemas/enterprise-info';
import { blindIndex, encryptField } from '@/lib/security/crypto';
import { createLimiter, type LimitRule } from '@/lib/security/rate-limit';
import { checkEnterpriseRegistry } from './enterprise-registry-check';
import { leaveBankMethodInTx } from './leave-bank-method';
import { changeLink } from '@/lib/features/verification';
import { ENTERPRISE_CODE_CONTEXT, ENTERPRISE_CONTACT_ID_CONTEXT, ENTERPRISE_CONTACT_MOBILE_CONTEXT, ENTERPRISE_PROCESS } from '@/db/schema';
import type { ChannelServiceContext } from '@/lib/features/channels';
import { requireConfirmedEmail } from '@/lib/features/account';

/** SECURITY 28: one enterprise may start at most 15 verifications a minute and 30 a day. */
export const ENTERPRISE_START_PER_MINUTE: LimitRule = { name: 'enterprise-start-minute', points: 15, durationSeconds: 60 };
export const ENTERPRISE_START_PER_DAY: LimitRule = { name: 'enterprise-start-day', points: 30, durationSeconds: 24 * 60 * 60 };

/**
 * The blind index R-LIM-2 counts (and enterprise_limits is keyed by): the enterprise's
 * organisation code (a USCC's positions 9–17, or a 9-character code), its 15-digit
 * registration number, or its exact name without a code — see
 * lib/domain/verification/enterprise-identity.ts. The back office uses this to find an
 * enterprise's override from a code typed by an account manager.
 */
export function enterpriseIdentityKey(code: string | null, name: string): string {
  return blindIndex(enterpriseIdentityMaterial(code, name), 'enterprise-identity');
}

/**
 * Step 1 of the enterprise wizard (SPEC §5.1): saves the data as a draft (step 2,
 * choosing a method, follows), or replaces the data of the account's unfinished
 * enterprise verification (上一步 / 返回修改认证信息). Fails early (R-LIM-3), changing
 * nothing, when:
 * - the account already has a subject (R-LIM-8) or another process runs (R-LIM-9) —
 *   unless `link` names the account's change request waiting for its new subject;
 * - the licence upload is not this account's (NOT_FOUND on `licenceUploadId`);
 * - the enterprise already holds its accounts (R-LIM-2: 10, or its override);
 * - the same enterprise was started too often (SECURITY 28);
 * - R-E-REG refuses (field errors on `code` / `enterpriseName` / `licenceType`), or the
 *   registry cannot be asked now (REGISTRY_UNAVAILABLE, retryable).
 * `registryCheckedAt` records when the registry confirmed code, name and 存续.
 */
export async function startEnterpriseVerification(
  ctx: ChannelServiceContext,
  accountId: string,
  input: EnterpriseInfoInput,
  /** 变更为企业主体: the verification proves the new subject of this change request (ADR 0013). */
  link?: { changeRequestId: string },
): Promise<{ verificationId: string }> {
  await requireConfirmedEmail(ctx.db, accountId);
  if (!isValidAddress(input.province, input.city, input.district)) {
    throw new AppError('INVALID_INPUT', { field: 'district', reason: { code: 'enterprise.address.invalid' } });
  }
  const now = await ctx.clock.now();

  const upload = await findUploadOfAccount(ctx.db, input.licenceUploadId, accountId);
  if (!upload || upload.purpose !== 'business_licence') {
    throw new AppError('NOT_FOUND', { field: 'licenceUploadId', reason: { code: 'enterprise.licence.missing' } });
  }

  let resuming: EnterpriseVerificationRow | undefined;
  if (link) {
    // A linked verification is the one case where an account with a subject verifies (R-LIM-8).
    const { linkedId } = await changeLink.get().awaitingNewSubject(ctx.db, accountId, link.changeRequestId, 'enterprise', { code: input.code, name: input.enterpriseName });
    resuming = linkedId ? await findEnterpriseVerification(ctx.db, accountId, linkedId) : undefined;
    if (resuming && !isEnterpriseInProgress(resuming.state)) throw new AppError('STEP_NOT_ALLOWED');
  } else {
    const existing = await findAccountProcess(ctx.db, accountId);
    resuming = existing?.kind === ENTERPRISE_PROCESS ? await findEnterpriseVerification(ctx.db, accountId, existing.processId) : undefined;
    if (existing && !(resuming && isEnterpriseInProgress(resuming.state))) throw new AppError('PROCESS_IN_PROGRESS');
    if (await findCurrentSubject(ctx.db, accountId)) throw new AppError('SUBJECT_EXISTS');
  }

  const identityKey = enterpriseIdentityKey(input.code, input.enterpriseName);
  const limit = await enterpriseLimitOf(ctx.db, identityKey);
  if ((await countCurrentHolders(ctx.db, identityKey)) >= limit) {
    await appendAudit(ctx.db, { at: now, action: 'limit.enterprise_full', actorAccountId: accountId, accountId, data: { stage: 'start' } });
    throw new AppError('ENTERPRISE_LIMIT', { reason: enterpriseFailureText('enterprise_limit', limit) });
  }
  if (!resuming || resuming.identityKey !== identityKey) {
    for (const rule of [ENTERPRISE_START_PER_MINUTE, ENTERPRISE_START_PER_DAY]) {
      if (!(await createLimiter(ctx.db, rule).take(identityKey)).allowed) {
        await appendAudit(ctx.db, { at: now, action: 'limit.verification_starts', actorAccountId: accountId, accountId, data: { rule: rule.name } });
        throw new AppError('RATE_LIMITED');
      }
    }
  }

  const checked = await checkEnterpriseRegistry(ctx, accountId, input, now);

  const data = {
    licenceType: input.licenceType,
    licenceUploadId: upload.id,
    enterpriseName: input.enterpriseName,
    codeEnc: encryptField(input.code, ENTERPRISE_CODE_CONTEXT),
    identityKey,
    province: input.province,
    city: input.city,
    district: input.district,
    addressDetail: input.addressDetail,
    contactName: input.contactName,
    contactIdNumberEnc: encryptField(input.contactIdNumber, ENTERPRISE_CONTACT_ID_CONTEXT),
    contactMobileEnc: encryptField(input.contactMobile, ENTERPRISE_CONTACT_MOBILE_CONTEXT),
    registryCheckedAt: checked ? now : null,
  };

  return ctx.db.transaction(async (tx) => {
    if (resuming) {
      const row = await lockEnterpriseVerification(tx, accountId, resuming.id);
      const state = row && enterpriseTransition(row.state, 'edit');
      if (!row || !state) throw new AppError('STEP_NOT_ALLOWED');
      // 修改企业名称 from a running recharge ends it (a new amount is issued for the new name).
      await leaveBankMethodInTx(tx, row, now);
      const updated = await updateEnterpriseVerification(tx, row, {
        ...data,
        state,
        method: null,
        legalRepName: null,
        legalRepIdNumberEnc: null,
        channelSessionId: null,
        failureCode: null,
        updatedAt: now,
      });
      if (!updated) throw new AppError('CONFLICT');
      await appendAudit(tx, {
        at: now,
        action: 'enterprise_verification.edited',
        actorAccountId: accountId,
        accountId,
        target: auditTarget('enterprise_verification', row.id),
        data: { from: row.state, to: state, registryChecked: checked },
      });
      return { verificationId: row.id };
    }
    const row = await insertEnterpriseVerification(tx, { accountId, state: 'draft', ...data, createdAt: now, updatedAt: now });
    if (link) {
      // The change request keeps the account's process; the verification is its step.
      await changeLink.get().linkVerificationInTx(tx, accountId, link.changeRequestId, 'enterprise', row.id, now);
    } else if (!(await claimAccountProcess(tx, { accountId, kind: ENTERPRISE_PROCESS, processId: row.id, startedAt: now }))) {
      // The primary key of account_processes settles a race between two first starts (R-LIM-9).
      throw new AppError('PROCESS_IN_PROGRESS');
    }
    await appendAudit(tx, {
      at: now,
      action: 'enterprise_verification.started',
      actorAccountId: accountId,
      accountId,
      target: auditTarget('enterprise_verification', row.id),
      data: { licenceType: input.licenceType, codeKind: input.codeKind, registryChecked: checked },
    });
    return { verificationId: row.id };
  });
}
