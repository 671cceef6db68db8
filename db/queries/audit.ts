import { createHash } from 'node:crypto';
import { asc, gt, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { auditLog } from '../schema';

export const AUDIT_GENESIS_HASH = '0'.repeat(64);
// Appends are serialised so that each row links to exactly one predecessor.
const AUDIT_CHAIN_LOCK = 727_002;

export interface AuditEntry {
  at: Date;
  action: string;
  actorAccountId?: string | null;
  accountId?: string | null;
  target?: string | null;
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

type AuditRow = Required<Omit<AuditEntry, 'at'>> & { at: Date };

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
  // One multi-row insert: ids are drawn in the order of the rows, which is the chain's order.
  const insert = tx.insert(auditLog).values(rows);
  // Prepared for the small batches of the callback path (a few statement shapes per connection).
  await (rows.length <= 64 ? insert.prepare('audit_insert_chain').execute() : insert);
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

export async function listAuditForAccount(db: Db, accountId: string, limit = 50) {
  return db
    .select()
    .from(auditLog)
    .where(sql`${auditLog.accountId} = ${accountId}`)
    .orderBy(sql`${auditLog.id} desc`)
    .limit(limit);
}
