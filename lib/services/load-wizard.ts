import type { Db } from '@/db/client';
import { findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import type { ServiceContext } from './context';

export type WizardState<V> = { kind: 'start' } | { kind: 'verified' } | { kind: 'other_process' } | { kind: 'verification'; verification: V };

/**
 * Which page a verification wizard shows the signed-in account (personal and
 * enterprise alike): another process in progress, this flow's unfinished attempt, how
 * the last attempt ended (认证完成, or the failure and a retry), or the start.
 */
export async function loadWizard<R extends { state: string }, V>(
  ctx: ServiceContext,
  accountId: string,
  flow: {
    process: string;
    find: (db: Db, accountId: string, id: string) => Promise<R | undefined>;
    latest: (db: Db, accountId: string) => Promise<R | undefined>;
    view: (row: R, now: Date) => Promise<V>;
  },
): Promise<WizardState<V>> {
  const now = await ctx.clock.now();
  const process = await findAccountProcess(ctx.db, accountId);
  if (process && process.kind !== flow.process) return { kind: 'other_process' };
  if (process) {
    const current = await flow.find(ctx.db, accountId, process.processId);
    if (current) return { kind: 'verification', verification: await flow.view(current, now) };
  }
  const row = await flow.latest(ctx.db, accountId);
  const subject = await findCurrentSubject(ctx.db, accountId);
  const showLast = row && (subject ? row.state === 'succeeded' : row.state === 'failed');
  if (!row || !showLast) return subject ? { kind: 'verified' } : { kind: 'start' };
  return { kind: 'verification', verification: await flow.view(row, now) };
}
