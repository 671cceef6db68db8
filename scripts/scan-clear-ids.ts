/**
 * npx tsx scripts/scan-clear-ids.ts <pglite-dir> [server-log …]
 *
 * SECURITY 19: a dump of the product's tables must hold no clear 18-digit ID number.
 * Reads every table of the `public` schema of a stopped embedded database and reports
 * any value containing a checksum-valid mainland ID number. (The `sim` schema is the
 * simulated providers' own data — a separate party — and is not the product's dump.)
 *
 * SECURITY 22: the server logs of the run must hold neither an ID number nor a bank
 * account number (a run of 16–19 digits) either.
 */
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { validateResidentId } from '@/lib/domain/identity/resident-id';

const CANDIDATE = /(?<![0-9])[1-6]\d{16}[\dXx](?![0-9])/g;
const BANK_NUMBER = /(?<![0-9])\d{16,19}(?![0-9])/g;
const FAR_FUTURE = { year: 9999, month: 12, day: 31 };

async function main() {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: scan-clear-ids <pglite-dir>');
  const db = await PGlite.create(dir);
  try {
    const tables = await db.query<{ name: string }>(
      `select quote_ident(table_name) as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const findings: string[] = [];
    let rows = 0;
    for (const { name } of tables.rows) {
      const result = await db.query<{ r: string }>(`select t::text as r from public.${name} t`);
      rows += result.rows.length;
      for (const { r } of result.rows) {
        for (const match of r.match(CANDIDATE) ?? []) {
          if (validateResidentId(match, FAR_FUTURE).ok) findings.push(`${name}: ${match.slice(0, 1)}…${match.slice(-1)}`);
        }
      }
    }
    for (const file of process.argv.slice(3)) {
      if (!fs.existsSync(file)) throw new Error(`no log at ${file}`);
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const match of line.match(CANDIDATE) ?? []) {
          if (validateResidentId(match, FAR_FUTURE).ok) findings.push(`${file}:${i + 1}: ID number ${match.slice(0, 1)}…${match.slice(-1)}`);
        }
        for (const match of line.match(BANK_NUMBER) ?? []) findings.push(`${file}:${i + 1}: bank-number-like ${match.slice(0, 2)}…${match.slice(-2)}`);
      });
      console.log(`scanned ${lines.length} lines of ${file}`);
    }
    if (findings.length > 0) {
      console.error(`clear ID or bank numbers found:\n  ${findings.join('\n  ')}`);
      process.exitCode = 1;
    } else {
      console.log(`no clear ID number in ${tables.rows.length} product tables (${rows} rows)`);
    }
  } finally {
    await db.close();
  }
}

void main();
