import { appendAudit } from '@/db/queries/audit';
import { DEFAULT_ENTERPRISE_LIMIT, findEnterpriseLimit, isKnownEnterpriseKey, upsertEnterpriseLimit } from '@/db/queries/enterprise-limits';
import { lockIdentity } from '@/db/queries/subjects';
import { auditTarget } from '@/lib/domain/audit';
import { QUOTA_ROLES } from '@/lib/domain/review/staff';
import { validateEnterpriseCode } from '@/lib/domain/identity/enterprise-code';
import { AppError } from '@/lib/errors';
import { authorizeReviewStaff } from '@/lib/features/account';
import type { ServiceContext } from '../context';
import { enterpriseIdentityKey } from './start-enterprise-verification';

export const QUOTA_MIN = 1;
export const QUOTA_MAX = 1000;

export type ChangeEnterpriseQuotaInput = {
  maxAccounts: number;
  /** Why (mandatory, SPEC §7): kept on the limit and in the audit row. */
  reason: string;
} & (
  /** An enterprise listed on /review/quotas. */
  | { identityKey: string }
  /** Any enterprise by its code (R-LIM-2 keys it the way the verification does), e.g. before its 11th account. */
  | { code: string; name: string }
);

/**
 * An account manager raises or lowers one enterprise's account limit (R-LIM-2, SPEC §7),
 * with a reason, audited. Lowering below the current count takes no account away: it
 * stops new verifications until the count is under the limit. Taken under the
 * enterprise's identity lock, so a verification completing at the same moment counts
 * against either the old or the new limit, never a mix.
 */
export async function changeEnterpriseQuota(ctx: ServiceContext, actorAccountId: string, input: ChangeEnterpriseQuotaInput) {
  const now = await ctx.clock.now();
  await authorizeReviewStaff(ctx.db, actorAccountId, QUOTA_ROLES, now, 'enterprise_limit.change');
  if (!Number.isInteger(input.maxAccounts) || input.maxAccounts < QUOTA_MIN || input.maxAccounts > QUOTA_MAX) {
    throw new AppError('INVALID_INPUT', { field: 'maxAccounts', reason: { code: 'enterprise.quota.range', params: { min: QUOTA_MIN, max: QUOTA_MAX } } });
  }
  const reason = input.reason.trim();
  if (reason.length < 2) throw new AppError('INVALID_INPUT', { field: 'reason', reason: { code: 'enterprise.quota.reasonRequired' } });

  let identityKey: string;
  if ('identityKey' in input) {
    if (!(await isKnownEnterpriseKey(ctx.db, input.identityKey))) throw new AppError('NOT_FOUND');
    identityKey = input.identityKey;
  } else {
    const code = validateEnterpriseCode(input.code);
    if (!code.ok) throw new AppError('INVALID_INPUT', { field: 'code', reason: code.message });
    identityKey = enterpriseIdentityKey(code.value, input.name);
  }

  return ctx.db.transaction(async (tx) => {
    await lockIdentity(tx, identityKey);
    const before = (await findEnterpriseLimit(tx, identityKey))?.maxAccounts ?? DEFAULT_ENTERPRISE_LIMIT;
    const row = await upsertEnterpriseLimit(tx, { identityKey, maxAccounts: input.maxAccounts, reason, updatedBy: actorAccountId, updatedAt: now });
    await appendAudit(tx, {
      at: now,
      action: 'enterprise_limit.changed',
      actorAccountId,
      target: auditTarget('enterprise', identityKey),
      data: { from: before, to: row.maxAccounts, reason },
    });
    return { identityKey, from: before, to: row.maxAccounts };
  });
}
