/** npm run audit:verify — walks the audit chain and exits non-zero at the first broken link. */
import './load-env';
import { getDatabase } from '@/db/client';
import { verifyAuditChain } from '@/db/queries/audit';

async function main() {
  const handle = await getDatabase();
  try {
    const result = await verifyAuditChain(handle.db);
    if (result.ok) {
      console.log(`audit chain intact: ${result.rows} rows`);
    } else {
      console.error(`audit chain BROKEN at row ${result.brokenAt} (after ${result.rows} good rows)`);
      process.exitCode = 1;
    }
  } finally {
    await handle.close();
  }
}

void main();
