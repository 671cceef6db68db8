import { searchAuditLog as searchRows, type AuditSearchFilter } from '@/db/queries/audit';
import { AUDIT_ACTION_KINDS, type AuditActionKind } from '@/lib/domain/audit';
import { BACK_OFFICE_ROLES } from '@/lib/domain/review/staff';
import { authorizeReviewStaff } from '@/lib/features/account';
import type { ServiceContext } from '../context';

export const AUDIT_PAGE_SIZE = 50;

/** The search form's fields (/review/audit): 账号ID of the account and of the actor, a kind, Beijing days. */
export interface AuditSearchInput {
  account?: string;
  actor?: string;
  kind?: AuditActionKind;
  target?: string;
  /** YYYY-MM-DD (Beijing), inclusive. */
  from?: string;
  to?: string;
  page?: number;
}

/** The form's fields as the query's filter: days in Beijing become instants, `to` inclusive of its whole day. */
export function auditFilterOf(input: AuditSearchInput): AuditSearchFilter {
  const nextDay = (day: string) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 24 * 60 * 60 * 1000);
  return {
    accountNumber: input.account || undefined,
    actorNumber: input.actor || undefined,
    actionPrefix: input.kind ? AUDIT_ACTION_KINDS[input.kind].prefix : undefined,
    target: input.target || undefined,
    from: input.from ? new Date(`${input.from}T00:00:00+08:00`) : undefined,
    to: input.to ? nextDay(input.to) : undefined,
  };
}

/**
 * Audit log search for staff (SPEC §7): newest first, with 账号ID instead of any personal
 * data; `data` is shown as stored (it never holds clear personal data, SECURITY 32).
 */
export async function searchAuditLog(ctx: ServiceContext, actorAccountId: string, input: AuditSearchInput) {
  const now = await ctx.clock.now();
  await authorizeReviewStaff(ctx.db, actorAccountId, BACK_OFFICE_ROLES, now, 'audit_log.search');
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const { rows, total } = await searchRows(ctx.db, auditFilterOf(input), { limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE });
  return {
    page,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    total,
    rows: rows.map((r) => ({ id: r.id, at: r.at, action: r.action, target: r.target, data: r.data, actorNumber: r.actorNumber, accountNumber: r.accountNumber })),
  };
}
