import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../client';
import { enterpriseLimits } from '../schema';

/** R-LIM-2: the default number of accounts one enterprise may be the current subject of. */
export const DEFAULT_ENTERPRISE_LIMIT = 10;

/** The override an account manager set for this enterprise, if any. */
export async function findEnterpriseLimit(db: Db, identityKey: string) {
  const [row] = await db.select().from(enterpriseLimits).where(eq(enterpriseLimits.identityKey, identityKey));
  return row;
}

/** The limit in force for this enterprise: its override, or the default of 10. */
export async function enterpriseLimitOf(db: Db, identityKey: string): Promise<number> {
  return (await findEnterpriseLimit(db, identityKey))?.maxAccounts ?? DEFAULT_ENTERPRISE_LIMIT;
}

/** Sets (or replaces) an enterprise's override; the caller audits it with the reason (§7). */
export async function upsertEnterpriseLimit(
  db: Db,
  values: { identityKey: string; maxAccounts: number; reason: string; updatedBy: string; updatedAt: Date },
) {
  const [row] = await db
    .insert(enterpriseLimits)
    .values(values)
    .onConflictDoUpdate({
      target: enterpriseLimits.identityKey,
      set: { maxAccounts: values.maxAccounts, reason: values.reason, updatedBy: values.updatedBy, updatedAt: values.updatedAt },
    })
    .returning();
  return row!;
}

// ---- Back office: /review/quotas (added by the back-office room) ----

export interface EnterpriseQuotaRow {
  identityKey: string;
  /** The enterprise's name as its latest enterprise subject has it. */
  name: string | null;
  /** That subject's code, encrypted (subject.document_number context). */
  codeEnc: string | null;
  /** Accounts whose current subject is this enterprise (R-LIM-2 counts these). */
  accounts: number;
  maxAccounts: number | null;
  reason: string | null;
  updatedAt: Date | null;
  updatedByNumber: string | null;
}

/**
 * Enterprises with their current account counts (from current enterprise subjects) and
 * their override, if any — also enterprises with an override and no account now. Most
 * accounts first; `nameContains` filters by name.
 */
export async function listEnterpriseQuotas(db: Db, options: { nameContains?: string; limit: number; offset: number }) {
  const pattern = options.nameContains ? `%${options.nameContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const base = sql`
    with counts as (
      select identity_key, count(*)::int as n from subjects
      where kind = 'enterprise' and replaced_at is null group by identity_key
    ), keys as (
      select identity_key from counts union select identity_key from enterprise_limits
    ), listed as (
      select k.identity_key, coalesce(c.n, 0) as accounts, latest.name, latest.document_number_enc,
        l.max_accounts, l.reason, l.updated_at, a.account_number as updated_by_number
      from keys k
      left join counts c on c.identity_key = k.identity_key
      left join enterprise_limits l on l.identity_key = k.identity_key
      left join accounts a on a.id = l.updated_by
      left join lateral (
        select s.name, s.document_number_enc from subjects s
        where s.identity_key = k.identity_key and s.kind = 'enterprise'
        order by (s.replaced_at is null) desc, s.verified_at desc limit 1
      ) latest on true
    )`;
  const where = pattern ? sql`where name ilike ${pattern}` : sql``;
  const [rows, totals] = await Promise.all([
    db.execute(sql`${base} select * from listed ${where} order by accounts desc, name asc nulls last, identity_key limit ${options.limit} offset ${options.offset}`),
    db.execute(sql`${base} select count(*)::int as n from listed ${where}`),
  ]);
  type Raw = {
    identity_key: string;
    accounts: number;
    name: string | null;
    document_number_enc: string | null;
    max_accounts: number | null;
    reason: string | null;
    updated_at: string | Date | null;
    updated_by_number: string | null;
  };
  return {
    rows: rowsOf<Raw>(rows).map(
      (r): EnterpriseQuotaRow => ({
        identityKey: r.identity_key,
        name: r.name,
        codeEnc: r.document_number_enc,
        accounts: Number(r.accounts),
        maxAccounts: r.max_accounts === null ? null : Number(r.max_accounts),
        reason: r.reason,
        updatedAt: r.updated_at === null ? null : new Date(r.updated_at),
        updatedByNumber: r.updated_by_number,
      }),
    ),
    total: Number(rowsOf<{ n: number }>(totals)[0]?.n ?? 0),
  };
}

/** Whether any enterprise subject (current or past) or override has this key: limits are set for known enterprises only. */
export async function isKnownEnterpriseKey(db: Db, identityKey: string): Promise<boolean> {
  const result = await db.execute(
    sql`select exists (select 1 from subjects where identity_key = ${identityKey} and kind = 'enterprise')
          or exists (select 1 from enterprise_limits where identity_key = ${identityKey}) as known`,
  );
  return rowsOf<{ known: boolean }>(result)[0]?.known === true;
}
