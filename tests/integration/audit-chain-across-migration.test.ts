import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { rowsOf, type Db } from '@/db/client';
import { appendAudit, verifyAuditChain } from '@/db/queries/audit';
import * as schema from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { registerAccount } from '@/lib/features/account/register-account';
import { migrationsFolder, urlWithDatabase } from './support/database-source';
import { ctx, testDatabaseKind } from './support/test-db';

/**
 * Migration typed-enums (issue 17.5) turns text columns into enums on a database that
 * already holds rows and a hash chain: the rows keep their values and the chain, which
 * hashes the action and target strings, still verifies — before and after new appends.
 */
const TYPED_ENUMS = 'typed-enums';

interface Migratable {
  db: Db;
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
}

/** The committed migrations up to, not including, typed-enums (a copy whose journal stops there). */
async function migrationsBefore(tag: string): Promise<{ folder: string; cleanup: () => Promise<void> }> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'migrations-before-'));
  await fs.cp(migrationsFolder, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await fs.readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith(`_${tag}`));
  if (at < 1) throw new Error(`no migration ${tag} in ${migrationsFolder}`);
  journal.entries = journal.entries.slice(0, at);
  await fs.writeFile(journalPath, JSON.stringify(journal));
  return { folder, cleanup: () => fs.rm(folder, { recursive: true, force: true }) };
}

/** An empty database of this run's engine, migrated by hand. */
async function emptyDatabase(): Promise<Migratable> {
  const source = inject('testDatabaseSource');
  if (source.kind === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const client = await PGlite.create();
    const db = drizzle(client, { schema });
    return { db: db as unknown as Db, migrate: (folder) => migrate(db, { migrationsFolder: folder }), close: () => client.close() };
  }
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const name = `test_migration_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const c = postgres(source.adminUrl, { max: 1, onnotice: () => {} });
    try {
      await c.unsafe(statement);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const client = postgres(urlWithDatabase(source.adminUrl, name), { max: 2, onnotice: () => {} });
  const db = drizzle(client, { schema });
  return {
    db: db as unknown as Db,
    migrate: (folder) => migrate(db, { migrationsFolder: folder }),
    close: async () => {
      await client.end();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

const at = new Date('2025-06-02T02:00:00.000Z');
let database: Migratable;
let before: Awaited<ReturnType<typeof migrationsBefore>>;

beforeAll(async () => {
  before = await migrationsBefore(TYPED_ENUMS);
  database = await emptyDatabase();
});
afterAll(async () => {
  await database?.close();
  await before?.cleanup();
});

async function auditRowsNow(db: Db) {
  return db.select().from(schema.auditLog).orderBy(asc(schema.auditLog.id));
}

async function columnTypes(db: Db): Promise<Record<string, string>> {
  const rows = rowsOf<{ table_name: string; column_name: string; udt_name: string }>(
    await db.execute(sql`
      select table_name, column_name, udt_name from information_schema.columns
      where table_schema = 'public' and table_name in ('personal_verifications', 'enterprise_verifications', 'subjects')
        and column_name in ('document_type', 'method', 'licence_type')`),
  );
  return Object.fromEntries(rows.map((r) => [`${r.table_name}.${r.column_name}`, r.udt_name]));
}

async function storedValues(db: Db) {
  const result = await db.execute(sql`
    select 'personal' as source, document_type::text as document_type, method::text as method from personal_verifications
    union all select 'subject', document_type::text, method::text from subjects
    union all select 'enterprise', licence_type::text, method::text from enterprise_verifications
    order by 1, 2, 3`);
  return rowsOf<{ source: string; document_type: string; method: string | null }>(result);
}

describe(`migration ${TYPED_ENUMS} on ${testDatabaseKind()}`, () => {
  it('keeps every row’s value and an audit chain that still verifies', { timeout: 120_000 }, async () => {
    const { db } = database;
    await database.migrate(before.folder);
    expect(await columnTypes(db)).toMatchObject({ 'subjects.method': 'text', 'enterprise_verifications.licence_type': 'text' });

    // Rows as the product wrote them before: a use case with its own audit rows, stored data, more audit rows.
    const c = ctx(db, at);
    const { id: accountId } = await registerAccount(c, { email: `migration-${Date.now()}@example.com`, password: 'Migration-test-9', emailConfirmed: true });
    const verificationId = randomUUID();
    await db.execute(sql`
      insert into personal_verifications (id, account_id, state, real_name, document_type, document_number_enc, identity_key,
        province, city, district, address_detail, method, created_at, updated_at)
      values (${verificationId}, ${accountId}, 'awaiting_channel', 'x', 'resident_id', 'x', 'p1', '44', '4403', '440305', 'x', 'face',
        ${at.toISOString()}, ${at.toISOString()})`);
    await appendAudit(db, { at, action: 'personal_verification.started', actorAccountId: accountId, accountId, target: auditTarget('personal_verification', verificationId) });
    const uploadId = randomUUID();
    await db.execute(sql`
      insert into uploads (id, account_id, purpose, store, storage_key, content_type, byte_size, sha256, created_at)
      values (${uploadId}, ${accountId}, 'business_licence', 'local', ${`k-${uploadId}`}, 'image/png', 1, 'x', ${at.toISOString()})`);
    await db.execute(sql`
      insert into enterprise_verifications (account_id, state, licence_type, licence_upload_id, enterprise_name, code_enc, identity_key,
        province, city, district, address_detail, contact_name, contact_id_number_enc, contact_mobile_enc, method, created_at, updated_at)
      values (${accountId}, 'failed', 'other', ${uploadId}, 'x', 'x', 'e1', '11', '1101', '110105', 'x', 'x', 'x', 'x',
        'legal_rep_face', ${at.toISOString()}, ${at.toISOString()})`);
    for (const [documentType, method, kind] of [
      ['hk_macau_permit', 'qq', 'person'],
      ['business_licence', 'recharge', 'enterprise'],
    ] as const) {
      // Old subjects, replaced: the one-current-subject index lets several stand side by side.
      await db.execute(sql`
        insert into subjects (account_id, kind, name, document_type, document_number_enc, identity_key, method, verified_at, replaced_at)
        values (${accountId}, ${kind}, 'x', ${documentType}, 'x', ${`k-${method}`}, ${method}, ${at.toISOString()}, ${at.toISOString()})`);
    }
    await appendAudit(db, { at, action: 'subject_change.started', actorAccountId: accountId, accountId, target: auditTarget('subject_change', randomUUID()), data: { type: 'person_to_person' } });
    await appendAudit(db, { at, action: 'calendar.year_saved', target: auditTarget('calendar', 2025), data: { holidays: ['2025-10-01'], nested: { b: 2, a: 1 } } });

    const chainBefore = await auditRowsNow(db);
    const valuesBefore = await storedValues(db);
    expect(chainBefore.length).toBeGreaterThanOrEqual(3);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: chainBefore.length });

    await database.migrate(migrationsFolder);

    expect(await columnTypes(db)).toEqual({
      'personal_verifications.document_type': 'personal_document_type',
      'personal_verifications.method': 'personal_method',
      'subjects.document_type': 'subject_document_type',
      'subjects.method': 'subject_method',
      'enterprise_verifications.licence_type': 'licence_type',
      'enterprise_verifications.method': 'enterprise_method',
    });
    expect(await storedValues(db)).toEqual(valuesBefore);
    expect(valuesBefore).toEqual([
      { source: 'enterprise', document_type: 'other', method: 'legal_rep_face' },
      { source: 'personal', document_type: 'resident_id', method: 'face' },
      { source: 'subject', document_type: 'business_licence', method: 'recharge' },
      { source: 'subject', document_type: 'hk_macau_permit', method: 'qq' },
    ]);
    // The chain is untouched and verifies; the registry re-check's partial index came back.
    expect(await auditRowsNow(db)).toEqual(chainBefore);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: chainBefore.length });
    const [index] = rowsOf<{ indexdef: string }>(await db.execute(sql`select indexdef from pg_indexes where indexname = 'subjects_registry_recheck_idx'`));
    expect(index?.indexdef).toContain("'business_licence'::subject_document_type");

    // New rows link onto the old ones.
    await appendAudit(db, { at, action: 'upload.viewed', actorAccountId: accountId, accountId, target: auditTarget('upload', uploadId) });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: chainBefore.length + 1 });
  });
});
