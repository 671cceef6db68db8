import { count, desc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '@/db/queries/audit';
import { auditLog } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { messagesOf } from './support/expect-error';
import { createTestDatabase, TEST_NOW, type TestDatabase } from './support/test-db';

const at = new Date(TEST_NOW);

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

async function rowCount(db: TestDatabase['db']) {
  const [row] = await db.select({ n: count() }).from(auditLog);
  return row!.n;
}

async function refusal(statement: Promise<unknown>): Promise<string> {
  const error = await statement.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the database accepted a change to audit_log').toBeInstanceOf(Error);
  return messagesOf(error);
}

describe('the audit log', () => {
  it('keeps an intact hash chain over several appends', async () => {
    for (let i = 0; i < 5; i++) {
      await appendAudit(t.db, { at, action: 'calendar.year_saved', target: auditTarget('calendar', 2020 + i), data: { i, nested: { b: 2, a: 1 } } });
    }

    const result = await verifyAuditChain(t.db);
    expect(result).toEqual({ ok: true, rows: await rowCount(t.db) });
    expect(result.rows).toBeGreaterThanOrEqual(5);
  });

  it('stays one chain when a transaction appends several times, around savepoints that append and roll back or are kept', async () => {
    await t.db.transaction(async (tx) => {
      await appendAudit(tx, { at, action: 'calendar.year_saved', data: { step: 1 } });
      await appendAudit(tx, { at, action: 'calendar.year_saved', data: { step: 2 } });
      await tx
        .transaction(async (savepoint) => {
          await appendAudit(savepoint, { at, action: 'calendar.year_removed' });
          throw new Error('roll the savepoint back');
        })
        .catch(() => undefined);
      await appendAudit(tx, { at, action: 'calendar.year_saved', data: { step: 3 } });
      await tx.transaction(async (savepoint) => appendAudit(savepoint, { at, action: 'calendar.year_removed' }));
      await appendAudit(tx, { at, action: 'calendar.year_saved', data: { step: 4 } });
    });
    await appendAudit(t.db, { at, action: 'calendar.year_saved' });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await appendAudit(t.db, { at, action: 'audit_log.exported' });
    const before = await t.db.select().from(auditLog).orderBy(auditLog.id);

    expect(await refusal(t.db.execute(sql`update audit_log set action = 'test.rewritten'`))).toContain('append-only');
    expect(await refusal(t.db.execute(sql`delete from audit_log`))).toContain('append-only');
    expect(await refusal(t.db.execute(sql`truncate audit_log`))).toContain('append-only');

    expect(await t.db.select().from(auditLog).orderBy(auditLog.id)).toEqual(before);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('links every row to exactly one predecessor when 20 appends arrive at once', async () => {
    const start = await rowCount(t.db);

    await Promise.all(Array.from({ length: 20 }, (_, i) => appendAudit(t.db, { at, action: 'upload.viewed', data: { i } })));

    expect(await rowCount(t.db)).toBe(start + 20);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: start + 20 });
    const links = await t.db.select({ prevHash: auditLog.prevHash }).from(auditLog);
    expect(new Set(links.map((l) => l.prevHash)).size).toBe(links.length);
  });

  it('reports the first row whose hash is wrong (brokenAt)', async () => {
    // A database of its own: the forged row cannot be removed afterwards.
    const forged = await createTestDatabase();
    try {
      for (let i = 0; i < 3; i++) await appendAudit(forged.db, { at, action: 'upload.viewed', data: { i } });
      const [last] = await forged.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
      const [inserted] = await forged.db
        .insert(auditLog)
        .values({ at, action: 'test.forged', prevHash: last!.hash, hash: 'f'.repeat(64) })
        .returning({ id: auditLog.id });
      await appendAudit(forged.db, { at, action: 'upload.viewed' });

      expect(await verifyAuditChain(forged.db)).toEqual({ ok: false, rows: 3, brokenAt: inserted!.id });
    } finally {
      await forged.close();
    }
  });

  it('keeps the chain verifiable when audit data holds a Date', async () => {
    const own = await createTestDatabase();
    try {
      await appendAudit(own.db, { at, action: 'calendar.year_saved', data: { deadline: new Date('2025-06-09T16:00:00.000Z') } });

      expect(await verifyAuditChain(own.db)).toEqual({ ok: true, rows: 1 });
    } finally {
      await own.close();
    }
  });
});
