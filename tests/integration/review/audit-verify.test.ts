import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { auditTarget } from '@/lib/domain/audit';
import { messagesOf } from '../support/expect-error';
import { processDatabase, runAuditVerify, type ProcessDatabase } from '../support/process-database';
import { testDatabaseKind } from '../support/test-db';

/**
 * `npm run audit:verify` (SPEC §13 tamper-evident audit) against a database of this test
 * — PostgreSQL (the run's server) or an embedded PGlite folder — as an operator runs it.
 */
let handle: ProcessDatabase;

beforeAll(async () => {
  handle = await processDatabase('audit-verify-');
});
afterAll(async () => handle?.dispose());

describe(`npm run audit:verify — ${testDatabaseKind()}`, () => {
  it('passes on an intact chain, and fails at the row altered directly in the database', { timeout: 300_000 }, async () => {
    const at = new Date('2025-06-02T02:00:00.000Z');
    for (let i = 0; i < 5; i++) await appendAudit(handle.db, { at, action: 'calendar.year_saved', target: auditTarget('calendar', 2020 + i), data: { i } });
    const [victim] = rowsOf<{ id: number | string }>(await handle.db.execute(sql`select id from audit_log where target = 'calendar:2022'`));
    const victimId = Number(victim!.id);

    // The application cannot change or remove an audit row (the append-only trigger, SECURITY 32).
    for (const statement of [sql`update audit_log set data = '{"i": 99}' where id = ${victimId}`, sql`delete from audit_log where id = ${victimId}`]) {
      const error = await handle.db.execute(statement).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, 'the database accepted a change to audit_log').toBeInstanceOf(Error);
      expect(messagesOf(error)).toContain('append-only');
    }

    const intact = await runAuditVerify(handle);
    expect(intact.out).toContain('audit chain intact: 5 rows');
    expect(intact.code).toBe(0);

    // A superuser can still switch triggers off for one transaction and rewrite a row: the chain shows it.
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update audit_log set data = '{"i": 99}' where id = ${victimId}`);
    });
    const broken = await runAuditVerify(handle);
    expect(broken.out).toContain(`audit chain BROKEN at row ${victimId}`);
    expect(broken.code).toBe(1);
  });
});
