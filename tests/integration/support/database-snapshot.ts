import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';

/**
 * Every row of every table of the product's schema, as text: two snapshots compare equal
 * when nothing was written in between — no row changed, and no outbox, site-message,
 * webhook or audit row added (issue 17: pages read and never write).
 */
export async function databaseSnapshot(db: Db): Promise<Record<string, string[]>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  ).map((t) => t.name);
  const snapshot: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = rowsOf<{ r: string }>(await db.execute(sql.raw(`select t::text as r from "${table}" t`)));
    snapshot[table] = rows.map((row) => row.r).sort();
  }
  return snapshot;
}
