import { appliedMigrationTimes, pingDatabase } from '@/db/queries/operations';
import type { ServiceContext } from '../context';

export type Readiness = { ready: true } | { ready: false; reason: 'database' | 'migrations' };

/**
 * GET /api/ready's database half: the database answers, and every migration of this
 * build's journal is recorded as applied. A database ahead of the build (a newer
 * release migrated it) is still ready: migrations only add.
 */
export async function checkReadiness(ctx: Pick<ServiceContext, 'db'>, journal: readonly number[]): Promise<Readiness> {
  try {
    await pingDatabase(ctx.db);
  } catch {
    return { ready: false, reason: 'database' };
  }
  let applied: Set<number>;
  try {
    applied = new Set(await appliedMigrationTimes(ctx.db));
  } catch {
    return { ready: false, reason: 'migrations' };
  }
  return journal.every((when) => applied.has(when)) ? { ready: true } : { ready: false, reason: 'migrations' };
}
