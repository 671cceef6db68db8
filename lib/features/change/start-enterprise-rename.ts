import { findChangeRequest, latestChangeRequest } from '@/db/queries/change-requests';
import { findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import type { ChangeRequestRow } from '@/db/schema';
import type { ChangeState } from '@/lib/domain/change/change-machines';
import { checkChangeStart, renamePath } from '@/lib/domain/change/eligibility';
import { sameEnterpriseName } from '@/lib/domain/enterprise-name';
import { AppError, isAppError } from '@/lib/errors';
import type { RenameNameInput } from '@/lib/schemas/enterprise-rename';
import { CHANGE_PROCESS } from '@/db/schema';
import { changeFacts, insertChangeRequestWithProcess } from './change-request-steps';
import { applyRenameDecisionInTx, type RenameRegistryAnswer } from './complete-enterprise-rename';
import { askRegistryForRename, subjectCode } from './query-registry-name';
import type { ChannelServiceContext } from '@/lib/features/channels';
import { requireConfirmedEmail } from '@/lib/features/account';

export interface RenameStarted {
  changeId: string;
  state: ChangeState;
}

/**
 * 变更企业名称 (R-CHG-E2), submitted with 变更后企业名称: a change request is created with
 * the new name and the name it replaces, holding the account's one process (R-LIM-9).
 * On the automatic path (a complete subject with a 91/92 USCC) the registry is asked by
 * the current code BEFORE the transaction; in it, a registry that lists the new name
 * amends the subject at once, one that does not asks for proofs, and one that cannot
 * answer leaves the request waiting in `new_name` for 重新查询. The review path goes
 * straight to the proofs.
 *
 * A double submit is answered with the request the first one made (still running with
 * this name, or completed to it), not with an error.
 */
export async function startEnterpriseRename(ctx: ChannelServiceContext, accountId: string, input: RenameNameInput): Promise<RenameStarted> {
  await requireConfirmedEmail(ctx.db, accountId);
  const now = await ctx.clock.now();
  const subject = await findCurrentSubject(ctx.db, accountId);
  const facts = await changeFacts(ctx.db, accountId, now, subject);
  const check = checkChangeStart(facts, 'enterprise_rename');
  if (!check.ok) {
    const same = await sameRenameRunning(ctx, accountId, input.newName);
    if (same) return same;
    throw new AppError(check.refusal === 'in_progress' ? 'PROCESS_IN_PROGRESS' : 'CHANGE_NOT_ALLOWED', { reason: check.reason });
  }
  if (!subject || !facts.subject) throw new AppError('CHANGE_NOT_ALLOWED');
  if (sameEnterpriseName(input.newName, subject.name)) {
    const done = await latestChangeRequest(ctx.db, accountId);
    if (done?.type === 'enterprise_rename' && done.state === 'completed' && done.newName === input.newName) return { changeId: done.id, state: done.state };
    throw new AppError('RENAME_SAME_NAME');
  }

  const path = renamePath(facts.subject);
  const answer: RenameRegistryAnswer | null = path === 'automatic' ? await askRegistryForRename(ctx, accountId, subjectCode(subject), now) : null;

  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await insertChangeRequestWithProcess(
        tx,
        { accountId, type: 'enterprise_rename', state: 'new_name', oldSubjectId: subject.id, newName: input.newName, previousName: subject.name, createdAt: now, updatedAt: now },
        [],
        { subjectKind: subject.kind, renamePath: path },
      );
      const after = await applyRenameDecisionInTx(tx, row, facts.subject!, answer, now);
      return { changeId: after.id, state: after.state };
    });
  } catch (error) {
    // Two submits at once: the one that lost the claim answers with the winner's request.
    if (isAppError(error) && error.code === 'PROCESS_IN_PROGRESS') {
      const same = await sameRenameRunning(ctx, accountId, input.newName);
      if (same) return same;
    }
    throw error;
  }
}

/** The account's running rename to this very name, if that is what holds its process. */
async function sameRenameRunning(ctx: ChannelServiceContext, accountId: string, newName: string): Promise<RenameStarted | null> {
  const process = await findAccountProcess(ctx.db, accountId);
  if (process?.kind !== CHANGE_PROCESS) return null;
  const row: ChangeRequestRow | undefined = await findChangeRequest(ctx.db, accountId, process.processId);
  return row?.type === 'enterprise_rename' && row.newName === newName ? { changeId: row.id, state: row.state } : null;
}
