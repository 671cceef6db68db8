import fs from 'node:fs';
import path from 'node:path';
import { checkReadiness } from '@/lib/features/operations';
import { getServiceContext } from '@/lib/features/runtime';
import { isShuttingDown } from './lifecycle';

/** A probe answers within this; a database slower than that is not ready to serve. */
export const READY_TIMEOUT_MS = 2000;

export type ReadinessVerdict = { ready: true } | { ready: false; reason: 'shutting_down' | 'database' | 'migrations' };

let journal: readonly number[] | undefined;

/** The `when` of every migration this build carries (drizzle/meta/_journal.json, as the migrator reads it). */
function journalTimes(): readonly number[] {
  journal ??= (
    JSON.parse(fs.readFileSync(path.join(process.cwd(), 'drizzle', 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] }
  ).entries.map((e) => e.when);
  return journal;
}

/** GET /api/ready: not while shutting down; otherwise the database answers in time and its migrations are current. */
export async function readiness(): Promise<ReadinessVerdict> {
  if (isShuttingDown()) return { ready: false, reason: 'shutting_down' };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<ReadinessVerdict>((resolve) => {
    timer = setTimeout(() => resolve({ ready: false, reason: 'database' }), READY_TIMEOUT_MS);
  });
  const check = (async (): Promise<ReadinessVerdict> => {
    try {
      return await checkReadiness(await getServiceContext(), journalTimes());
    } catch {
      // The database could not even be opened.
      return { ready: false, reason: 'database' };
    }
  })();
  try {
    return await Promise.race([check, late]);
  } finally {
    clearTimeout(timer);
  }
}
