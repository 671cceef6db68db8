import { listAuditForTarget } from '@/db/queries/audit';
import { findChangeRequest, findSubjectById } from '@/db/queries/change-requests';
import { findCurrentSubject } from '@/db/queries/subjects';
import { auditTarget } from '@/lib/domain/audit';
import { renamePath, type RenamePath } from '@/lib/domain/change/eligibility';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/schemas/uuid';
import { changeFacts } from './change-request-steps';
import { RENAME_REGISTRY_UNAVAILABLE_ACTION } from './complete-enterprise-rename';
import type { ServiceContext } from '../context';
import { getChangeReview, type ChangeReviewView } from './get-change-review';

/** What the rename's start form needs beyond the subject view: the current name and which way it will go. */
export async function getRenameStart(ctx: ServiceContext, accountId: string): Promise<{ currentName: string; path: RenamePath }> {
  const subject = await findCurrentSubject(ctx.db, accountId);
  if (!subject || subject.kind !== 'enterprise') throw new AppError('NOT_FOUND');
  const facts = await changeFacts(ctx.db, accountId, await ctx.clock.now(), subject);
  return { currentName: subject.name, path: renamePath(facts.subject!) };
}

export interface RenameChangeView {
  newName: string;
  /** The name the subject had when the request started (kept after completion: R-CHG-E6). */
  previousName: string;
  path: RenamePath;
  /** new_name: the registry could not answer the last question; 重新查询 is offered. */
  registryWaiting: boolean;
  /** in_review / rejected: the case, its submission and promised answer time, and what to fix. */
  review: ChangeReviewView | null;
}

/** The rename's own data for its steps (SubjectChangeView holds what all types share). */
export async function getRenameChange(ctx: ServiceContext, accountId: string, changeId: string): Promise<RenameChangeView> {
  const row = isUuid(changeId) ? await findChangeRequest(ctx.db, accountId, changeId) : undefined;
  if (!row || row.type !== 'enterprise_rename') throw new AppError('NOT_FOUND');
  const subject = await findSubjectById(ctx.db, row.oldSubjectId);
  if (!subject) throw new AppError('NOT_FOUND');
  const facts = await changeFacts(ctx.db, accountId, await ctx.clock.now(), subject);

  let registryWaiting = false;
  if (row.state === 'new_name') {
    const history = await listAuditForTarget(ctx.db, auditTarget('subject_change', row.id));
    registryWaiting = history.at(-1)?.action === RENAME_REGISTRY_UNAVAILABLE_ACTION;
  }
  const review = row.state === 'in_review' || row.state === 'rejected' ? await getChangeReview(ctx, row) : null;
  return {
    newName: row.newName ?? '',
    previousName: row.previousName ?? subject.name,
    path: renamePath(facts.subject ?? { code: null, complete: false }),
    registryWaiting,
    review,
  };
}
