import { findChangeRequest } from '@/db/queries/change-requests';
import { renamePath } from '@/lib/domain/change/eligibility';
import { sameEnterpriseName } from '@/lib/domain/enterprise-name';
import { AppError } from '@/lib/errors';
import type { RenameNameInput } from '@/lib/schemas/enterprise-rename';
import { isUuid } from '@/lib/schemas/uuid';
import { changeFacts, lockOwnChangeRequest, moveChangeRequest, oldSubjectOf } from './change-request-steps';
import { applyRenameDecisionInTx } from './complete-enterprise-rename';
import { askRegistryForRename, subjectCode } from './query-registry-name';
import type { ChannelServiceContext } from '@/lib/features/channels';
import type { RenameStarted } from './start-enterprise-rename';

/**
 * R-CHG-E2 on a request waiting in `new_name` (the registry could not answer, or 上一步
 * from the proofs): 变更后企业名称 submitted again — 重新查询 with the same name, or a
 * corrected one (`edit`, its own transition). The registry is asked again outside the
 * transaction, and the request goes the way its answer says (completed, proofs, or still
 * waiting). Submitted again after it moved on, the request is answered as it stands.
 */
export async function confirmRenameName(ctx: ChannelServiceContext, accountId: string, changeId: string, input: RenameNameInput): Promise<RenameStarted> {
  const now = await ctx.clock.now();
  const row = isUuid(changeId) ? await findChangeRequest(ctx.db, accountId, changeId) : undefined;
  if (!row || row.type !== 'enterprise_rename') throw new AppError('NOT_FOUND');
  // A double submit whose first post already moved the request on.
  if (row.state !== 'new_name' && row.newName === input.newName) return { changeId: row.id, state: row.state };
  if (row.state !== 'new_name') throw new AppError('STEP_NOT_ALLOWED');

  const subject = await oldSubjectOf(ctx.db, row);
  if (sameEnterpriseName(input.newName, subject.name)) throw new AppError('RENAME_SAME_NAME');
  const facts = (await changeFacts(ctx.db, accountId, now, subject)).subject!;
  const answer = renamePath(facts) === 'automatic' ? await askRegistryForRename(ctx, accountId, subjectCode(subject), now) : null;

  return ctx.db.transaction(async (tx) => {
    let current = await lockOwnChangeRequest(tx, accountId, changeId);
    if (current.state !== 'new_name') {
      if (current.newName === input.newName) return { changeId: current.id, state: current.state };
      throw new AppError('STEP_NOT_ALLOWED');
    }
    if (current.newName !== input.newName) current = await moveChangeRequest(tx, current, 'edit', now, { newName: input.newName });
    const after = await applyRenameDecisionInTx(tx, current, facts, answer, now);
    return { changeId: after.id, state: after.state };
  });
}

/** 上一步 from the proofs (R-CHG-E2): back to 变更后企业名称, to correct it. */
export async function returnToRenameName(ctx: ChannelServiceContext, accountId: string, changeId: string): Promise<void> {
  const now = await ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await lockOwnChangeRequest(tx, accountId, changeId);
    if (row.type !== 'enterprise_rename') throw new AppError('NOT_FOUND');
    if (row.state === 'new_name') return; // pressed twice
    await moveChangeRequest(tx, row, 'edit', now);
  });
}
