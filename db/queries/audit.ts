import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { AuditAction, AuditTarget } from '@/lib/domain/audit';
import type { Db } from '../client';
import { accounts, auditLog } from '../schema';

export const AUDIT_GENESIS_HASH = '0'.repeat(64);
// Appends are serialised so that each row links to exactly one predecessor.
const AUDIT_CHAIN_LOCK = 727_002;

export interface AuditEntry {
  at: Date;
  action: AuditAction;
  actorAccountId?: string | null;
  accountId?: string | null;
  /** `kind:id`, made by auditTarget(). */
  target?: AuditTarget | null;
  data?: Record<string, unknown>;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** A row as stored and hashed: rows written before a name was typed are read back as plain strings. */
interface AuditRow {
  at: Date;
  action: string;
  actorAccountId: string | null;
  accountId: string | null;
  target: string | null;
  data: Record<string, unknown>;
}

export function auditRowHash(prevHash: string, row: AuditRow): string {
  const body = canonical({
    at: row.at.toISOString(),
    action: row.action,
    actor: row.actorAccountId,
    account: row.accountId,
    target: row.target,
    data: row.data,
  });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

function toRow(entry: AuditEntry): AuditRow {
  return {
    at: new Date(entry.at.getTime()),
    action: entry.action,
    actorAccountId: entry.actorAccountId ?? null,
    accountId: entry.accountId ?? null,
    target: entry.target ?? null,
    // Hash exactly what jsonb will store (a Date becomes its ISO string, undefined vanishes).
    data: JSON.parse(JSON.stringify(entry.data ?? {})) as Record<string, unknown>,
  };
}

// Transactions that already hold the chain lock (it lasts until their end).
const chainLocked = new WeakSet<object>();

/** Whether `db` is a transaction (or a savepoint in one) rather than the pool. */
function inTransaction(db: Db): boolean {
  return db instanceof PgTransaction;
}

/**
 * Takes the chain's lock for the rest of transaction `tx`; appendAudit then skips it.
 * A caller may send it together with its other last writes (one round trip) and then
 * append: the lock is held from there to the commit, so take it as late as possible.
 */
export async function lockAuditChain(tx: Db): Promise<void> {
  // Outside a transaction the lock would end with its own statement.
  if (!inTransaction(tx)) throw new Error('lockAuditChain needs a transaction');
  // No parameter: the statement is pipelined with the others instead of being described first.
  await tx.execute(sql.raw(`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`));
  chainLocked.add(tx);
}

/**
 * Appends one audit row linked to the previous one. Call it inside the transaction of
 * the effect it records (SECURITY 32): the chain lock is taken there (unless
 * lockAuditChain already took it) and held until that transaction ends; outside a
 * transaction it runs in one of its own.
 */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  await appendAuditEntries(db, [entry]);
}

/**
 * Appends several rows in order, each linked to the one before: one read of the last
 * row, one insert (docs/decisions/0007: the callbacks of a batch share them). Inside a
 * transaction the chain lock is taken there (unless lockAuditChain already took it) and
 * held until it ends — no savepoint; outside a transaction it runs in one of its own.
 */
export async function appendAuditEntries(db: Db, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const held = heldEntries.get(db);
  if (held) {
    held.push(...entries);
    return;
  }
  if (inTransaction(db)) {
    if (!chainLocked.has(db)) await lockAuditChain(db);
    await insertChain(db, entries);
    return;
  }
  await db.transaction(async (tx) => {
    await lockAuditChain(tx);
    await insertChain(tx, entries);
  });
}

// Transactions inside withBatchedAudit: the rows their work appends, in order, not yet written.
const heldEntries = new WeakMap<Db, AuditEntry[]>();

/**
 * Runs `work` in transaction `tx` with the audit rows it appends on `tx` held back, then
 * writes them all, in the order they were appended, with one read of the last hash and
 * one insert. Same transaction, same rows, same chain — but a batch of callbacks whose
 * flow handlers each audit (docs/decisions/0007) pays two statements instead of two per
 * event while it holds the chain lock. Rows appended through a savepoint of `tx` (another
 * transaction object) are written at once, as before.
 */
export async function withBatchedAudit<T>(tx: Db, work: () => Promise<T>): Promise<T> {
  if (!inTransaction(tx)) throw new Error('withBatchedAudit needs a transaction');
  if (heldEntries.has(tx)) return work();
  const held: AuditEntry[] = [];
  heldEntries.set(tx, held);
  let result: T;
  try {
    result = await work();
  } finally {
    heldEntries.delete(tx);
  }
  await appendAuditEntries(tx, held);
  return result;
}

/** The rows linked in JavaScript after one read of the last hash; the caller holds the chain lock. */
async function insertChain(tx: Db, entries: AuditEntry[]): Promise<void> {
  const [last] = await tx
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .orderBy(sql`${auditLog.id} desc`)
    .limit(1)
    .prepare('audit_last_hash')
    .execute();
  let prevHash = last?.hash ?? AUDIT_GENESIS_HASH;
  const rows = entries.map((entry) => {
    const row = toRow(entry);
    const linked = { ...row, prevHash, hash: auditRowHash(prevHash, row) };
    prevHash = linked.hash;
    return linked;
  });
  // One insert of one row per array element, the arrays' order (WITH ORDINALITY) being the
  // chain's: ids are drawn in it. Eight text arrays whatever the number of rows — a
  // multi-row VALUES cost drizzle eight parameters per row to build (issue 19). Text, cast
  // per element: drizzle leaves postgres.js no serializer for a timestamptz[] parameter.
  const texts = (values: (string | null)[]) => sql`${sql.param(values)}::text[]`;
  const { at, actorAccountId, accountId, action, target, data, prevHash: prev, hash } = auditLog;
  const names = sql.join([at, actorAccountId, accountId, action, target, data, prev, hash].map((c) => sql.identifier(c.name)), sql`, `);
  await tx.execute(sql`
    insert into ${auditLog} (${names})
    select u.at::timestamptz, u.actor::uuid, u.account::uuid, u.action, u.target, u.data::jsonb, u.prev, u.hash
    from unnest(
      ${texts(rows.map((r) => r.at.toISOString()))},
      ${texts(rows.map((r) => r.actorAccountId))},
      ${texts(rows.map((r) => r.accountId))},
      ${texts(rows.map((r) => r.action))},
      ${texts(rows.map((r) => r.target))},
      ${texts(rows.map((r) => JSON.stringify(r.data)))},
      ${texts(rows.map((r) => r.prevHash))},
      ${texts(rows.map((r) => r.hash))}
    ) with ordinality as u(at, actor, account, action, target, data, prev, hash, n)
    order by u.n`);
}

/** Walks the chain in id order; answers the first row whose link or hash is wrong. */
export async function verifyAuditChain(db: Db): Promise<{ ok: true; rows: number } | { ok: false; rows: number; brokenAt: number }> {
  let prevHash = AUDIT_GENESIS_HASH;
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const batch = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(1000);
    if (batch.length === 0) return { ok: true, rows };
    for (const r of batch) {
      const expected = auditRowHash(prevHash, {
        at: r.at,
        action: r.action,
        actorAccountId: r.actorAccountId,
        accountId: r.accountId,
        target: r.target,
        data: r.data,
      });
      if (r.prevHash !== prevHash || r.hash !== expected) return { ok: false, rows, brokenAt: r.id };
      prevHash = r.hash;
      lastId = r.id;
      rows += 1;
    }
  }
}

// ---- Back-office search and export (/review/audit, SPEC §7, §13) ----

/** A case's (or any target's) history, oldest first. */
export async function listAuditForTarget(db: Db, target: AuditTarget, limit = 200) {
  return db.select().from(auditLog).where(eq(auditLog.target, target)).orderBy(asc(auditLog.id)).limit(limit);
}

export interface AuditSearchFilter {
  /** 账号ID (10 digits) of the account the row is about. */
  accountNumber?: string;
  /** 账号ID of the actor. */
  actorNumber?: string;
  /** Rows whose action starts with this (e.g. `review_case.`). */
  actionPrefix?: string;
  /** Exact target, e.g. `review_case:<id>`. */
  target?: string;
  /** [from, to): instants. */
  from?: Date;
  to?: Date;
}

const actor = alias(accounts, 'audit_actor');
const subject = alias(accounts, 'audit_account');

function searchCondition(f: AuditSearchFilter): SQL | undefined {
  const where: SQL[] = [];
  if (f.accountNumber) where.push(sql`${auditLog.accountId} in (select id from ${accounts} where ${accounts.accountNumber} = ${f.accountNumber})`);
  if (f.actorNumber) where.push(sql`${auditLog.actorAccountId} in (select id from ${accounts} where ${accounts.accountNumber} = ${f.actorNumber})`);
  // starts_with, not LIKE: `_` in action names is not a wildcard here.
  if (f.actionPrefix) where.push(sql`starts_with(${auditLog.action}, ${f.actionPrefix})`);
  if (f.target) where.push(eq(auditLog.target, f.target));
  if (f.from) where.push(gte(auditLog.at, f.from));
  if (f.to) where.push(lt(auditLog.at, f.to));
  return where.length > 0 ? and(...where) : undefined;
}

const searchColumns = {
  id: auditLog.id,
  at: auditLog.at,
  action: auditLog.action,
  target: auditLog.target,
  data: auditLog.data,
  hash: auditLog.hash,
  prevHash: auditLog.prevHash,
  actorAccountId: auditLog.actorAccountId,
  accountId: auditLog.accountId,
  actorNumber: actor.accountNumber,
  accountNumber: subject.accountNumber,
};

/** One page of matching rows, newest first, with the 账号ID of actor and account, and the total. */
export async function searchAuditLog(db: Db, filter: AuditSearchFilter, page: { limit: number; offset: number }) {
  const condition = searchCondition(filter);
  const [rows, [total]] = await Promise.all([
    db
      .select(searchColumns)
      .from(auditLog)
      .leftJoin(actor, eq(actor.id, auditLog.actorAccountId))
      .leftJoin(subject, eq(subject.id, auditLog.accountId))
      .where(condition)
      .orderBy(desc(auditLog.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(auditLog).where(condition),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Matching rows in id order after `afterId`, for the CSV export (read in batches). */
export async function exportAuditLogBatch(db: Db, filter: AuditSearchFilter, afterId: number, limit: number) {
  const condition = searchCondition(filter);
  return db
    .select(searchColumns)
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorAccountId))
    .leftJoin(subject, eq(subject.id, auditLog.accountId))
    .where(condition ? and(condition, gt(auditLog.id, afterId)) : gt(auditLog.id, afterId))
    .orderBy(asc(auditLog.id))
    .limit(limit);
}
