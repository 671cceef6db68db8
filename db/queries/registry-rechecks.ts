import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../client';
import { registryRechecks, type RegistryRecheckRow } from '../schema';

/**
 * Data access of the registry re-checks (SPEC §13, lib/features/registry/recheck-enterprise-registry.ts,
 * docs/decisions/0015-registry-rechecks.md).
 */

/** A Date inside raw SQL: postgres.js does not serialise a Date where no column type tells it how. */
function at(instant: Date) {
  return sql`${instant.toISOString()}::timestamptz`;
}

export interface RegistryRecheckClaim {
  subjectId: string;
  accountId: string;
  leaseToken: string;
}

/**
 * Leases up to `limit` current enterprise subjects (营业执照 only: the registry knows no
 * other) whose last answer — or verification, before the first — is at or before
 * `dueBefore` (product clock), oldest first, skipping closed accounts and accounts with a
 * verification or change in progress (R-LIM-9: an open change suppresses proposals). The
 * rows of subjects never re-checked are written first; the claim itself is one statement
 * FOR UPDATE SKIP LOCKED, so two workers never take the same subject, and a row leased by
 * a worker that died is taken again once its lease (database time) has lapsed.
 */
export async function claimDueRegistryRechecks(db: Db, options: { dueBefore: Date; limit: number; leaseSeconds: number }): Promise<RegistryRecheckClaim[]> {
  const { dueBefore, limit, leaseSeconds } = options;
  await db.execute(sql`
    insert into registry_rechecks (subject_id, account_id)
    select s.id, s.account_id from subjects s
    where s.kind = 'enterprise' and s.replaced_at is null and s.document_type = 'business_licence'
      and s.verified_at <= ${at(dueBefore)}
      and not exists (select 1 from registry_rechecks r where r.subject_id = s.id)
    order by s.verified_at
    limit ${limit}
    on conflict (subject_id) do nothing`);
  const result = await db.execute(sql`
    update registry_rechecks
    set leased_until = now() + make_interval(secs => ${leaseSeconds}), lease_token = gen_random_uuid()
    where subject_id in (
      select r.subject_id from registry_rechecks r
      join subjects s on s.id = r.subject_id
      join accounts a on a.id = r.account_id
      where s.replaced_at is null and a.closed_at is null
        and coalesce(r.checked_at, s.verified_at) <= ${at(dueBefore)}
        -- Implied by the line above; on the row alone, so registry_rechecks_checked_idx narrows the rows before the join.
        and (r.checked_at is null or r.checked_at <= ${at(dueBefore)})
        and (r.leased_until is null or r.leased_until < now())
        and not exists (select 1 from account_processes p where p.account_id = r.account_id)
      order by coalesce(r.checked_at, s.verified_at)
      limit ${limit}
      for update of r skip locked)
    returning subject_id, account_id, lease_token`);
  return rowsOf<{ subject_id: string; account_id: string; lease_token: string }>(result).map((r) => ({
    subjectId: r.subject_id,
    accountId: r.account_id,
    leaseToken: r.lease_token,
  }));
}

/** Gives a claimed row back without an answer (the registry did not answer): due again at the next tick. */
export async function releaseRegistryRecheck(db: Db, claim: Pick<RegistryRecheckClaim, 'subjectId' | 'leaseToken'>): Promise<void> {
  await db.execute(sql`
    update registry_rechecks set leased_until = null, lease_token = null
    where subject_id = ${claim.subjectId} and lease_token = ${claim.leaseToken}`);
}

export async function findRegistryRecheck(db: Db, subjectId: string): Promise<RegistryRecheckRow | undefined> {
  const [row] = await db.select().from(registryRechecks).where(eq(registryRechecks.subjectId, subjectId));
  return row;
}

/** The subject's row locked FOR UPDATE inside `tx` (the answer's write, 忽略). */
export async function lockRegistryRecheck(tx: Db, subjectId: string): Promise<RegistryRecheckRow | undefined> {
  const [row] = await tx.select().from(registryRechecks).where(eq(registryRechecks.subjectId, subjectId)).for('update');
  return row;
}

export type RegistryRecheckUpdate = Partial<
  Pick<
    typeof registryRechecks.$inferInsert,
    'checkedAt' | 'leasedUntil' | 'leaseToken' | 'proposalId' | 'proposalKind' | 'proposalState' | 'proposedName' | 'proposalValueKey' | 'proposedAt' | 'closedAt'
  >
>;

export async function updateRegistryRecheck(tx: Db, subjectId: string, values: RegistryRecheckUpdate): Promise<void> {
  await tx.update(registryRechecks).set(values).where(eq(registryRechecks.subjectId, subjectId));
}

/**
 * 删除个人信息 (redaction): the account's re-check rows go — a legal-rep proposal keeps a
 * keyed hash of a person's name, and a closed account is never re-checked again.
 */
export async function deleteRegistryRechecksOfAccount(tx: Db, accountId: string): Promise<number> {
  const rows = await tx.delete(registryRechecks).where(eq(registryRechecks.accountId, accountId)).returning({ subjectId: registryRechecks.subjectId });
  return rows.length;
}
