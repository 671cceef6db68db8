import { DEFAULT_ENTERPRISE_LIMIT, listEnterpriseQuotas as listQuotas } from '@/db/queries/enterprise-limits';
import { maskIdentifier } from '@/lib/domain/mask';
import { QUOTA_ROLES } from '@/lib/domain/review/staff';
import { decryptField } from '@/lib/security/crypto';
import { authorizeReviewStaff } from '@/lib/features/account';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import type { ServiceContext } from '../context';

export const QUOTA_PAGE_SIZE = 20;

/**
 * /review/quotas (SPEC §7, R-LIM-2), account managers only: each enterprise with the
 * accounts it is the current subject of, its limit (default or override) and why it was
 * changed. Codes masked (SPEC §9).
 */
export async function listEnterpriseQuotas(ctx: ServiceContext, actorAccountId: string, filter: { q?: string; page?: number }) {
  const now = await ctx.clock.now();
  await authorizeReviewStaff(ctx.db, actorAccountId, QUOTA_ROLES, now, 'enterprise_limit.read');
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const q = filter.q?.trim() || undefined;
  const { rows, total } = await listQuotas(ctx.db, { nameContains: q, limit: QUOTA_PAGE_SIZE, offset: (page - 1) * QUOTA_PAGE_SIZE });
  return {
    page,
    pages: Math.max(1, Math.ceil(total / QUOTA_PAGE_SIZE)),
    total,
    defaultLimit: DEFAULT_ENTERPRISE_LIMIT,
    enterprises: rows.map((r) => ({
      identityKey: r.identityKey,
      name: r.name,
      codeMasked: r.codeEnc ? maskIdentifier(decryptField(r.codeEnc, SUBJECT_DOCUMENT_CONTEXT)) : null,
      accounts: r.accounts,
      limit: r.maxAccounts ?? DEFAULT_ENTERPRISE_LIMIT,
      custom: r.maxAccounts !== null,
      reason: r.reason,
      updatedAt: r.updatedAt,
      updatedBy: r.updatedByNumber,
    })),
  };
}
