import { createHash } from 'node:crypto';
import { asc, gt, sql } from 'drizzle-orm';
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

export function auditRowHash(prevHash: string, row: Required<Omit<AuditEntry, 'at'>> & { at: Date }): string {
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

/** Appends one audit row linked to the previous one. Call it inside the transaction of the effect it records. */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(sql`${auditLog.id} desc`).limit(1);
    const row = {
      at: new Date(entry.at.getTime()),
      action: entry.action,
      actorAccountId: entry.actorAccountId ?? null,
      accountId: entry.accountId ?? null,
      target: entry.target ?? null,
      // Hash exactly what jsonb will store (a Date becomes its ISO string, undefined vanishes).
      data: JSON.parse(JSON.stringify(entry.data ?? {})) as Record<string, unknown>,
    };
    const prevHash = last?.hash ?? AUDIT_GENESIS_HASH;
    await tx.insert(auditLog).values({ ...row, prevHash, hash: auditRowHash(prevHash, row) });
  });
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
