import { appendAudit } from '@/db/queries/audit';
import { lockRegistryRecheck, updateRegistryRecheck } from '@/db/queries/registry-rechecks';
import { findCurrentSubject } from '@/db/queries/subjects';
import { auditTarget } from '@/lib/domain/audit';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '../context';

/**
 * 忽略 on 实名认证 (SPEC §13): the owner dismisses the registry re-check's proposal they
 * saw. Only the account's own current subject's open proposal with that id: one already
 * dismissed, resolved or replaced by a newer registry value (a stale page) is CONFLICT.
 * A dismissed proposal is not made again for the same registry value; a later change in
 * the registry makes a new one. Audited.
 */
export async function dismissRegistryProposal(ctx: ServiceContext, accountId: string, proposalId: string): Promise<void> {
  const now = await ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const subject = await findCurrentSubject(tx, accountId);
    const row = subject?.kind === 'enterprise' ? await lockRegistryRecheck(tx, subject.id) : undefined;
    if (!row || row.proposalId !== proposalId || row.proposalState !== 'open') throw new AppError('CONFLICT');
    await updateRegistryRecheck(tx, row.subjectId, { proposalState: 'dismissed', closedAt: now });
    await appendAudit(tx, {
      at: now,
      action: 'registry_recheck.dismissed',
      actorAccountId: accountId,
      accountId,
      target: auditTarget('registry_recheck', row.subjectId),
      data: { kind: row.proposalKind },
    });
  });
}
