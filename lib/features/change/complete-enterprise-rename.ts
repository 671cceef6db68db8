import type { Db } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { renameCurrentSubject } from '@/db/queries/change-requests';
import { releaseAccountProcess } from '@/db/queries/subjects';
import type { ChangeRequestRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { decideRename, renamePath, type CurrentSubjectFacts, type RegistryNameAnswer } from '@/lib/domain/change/eligibility';
import { AppError } from '@/lib/errors';
import { moveChangeRequest } from './change-request-steps';
import { emitWebhookEvent } from '@/lib/features/notifications';
import { notifyAccount } from '@/lib/features/notifications';

/**
 * What the registry said when asked by the current code, outside any transaction:
 * its record (null: it knows none), or `unavailable` when the channel failed — then
 * nothing is decided on it (SECURITY 31).
 */
export type RenameRegistryAnswer = { kind: 'answered'; record: (RegistryNameAnswer & { licenceType?: string; formerNames?: string[] }) | null } | { kind: 'unavailable' };

/** Audited on the request when the registry could not answer: the page says so and offers 重新查询 (not a transition). */
export const RENAME_REGISTRY_UNAVAILABLE_ACTION = 'enterprise_rename.registry_unavailable';

/**
 * R-CHG-E2: amends the account's current subject with the request's new name, in the
 * caller's transaction, as the request completes (`registry_confirmed` or
 * `review_approved`): the subject's name changes in place — its code, identity key and
 * `verified_at` stay (ADR 0013: an amendment is not a verification) — the request keeps
 * the name it replaces (R-CHG-E6), the process is freed, the owner told and
 * `change.completed` queued.
 */
export async function completeEnterpriseRenameInTx(
  tx: Db,
  row: ChangeRequestRow,
  event: 'registry_confirmed' | 'review_approved',
  now: Date,
  actorAccountId: string | null,
): Promise<ChangeRequestRow> {
  if (!row.newName) throw new AppError('STEP_NOT_ALLOWED');
  // The request holds the account's process, so its subject is still the current one; a row that says otherwise is not trusted.
  if (!(await renameCurrentSubject(tx, row.oldSubjectId, row.newName))) throw new AppError('CONFLICT');
  const done = await moveChangeRequest(tx, row, event, now, { completedAt: now }, actorAccountId);
  await releaseAccountProcess(tx, row.accountId, row.id);
  await notifyAccount(tx, row.accountId, { kind: 'change_completed', subjectName: row.newName }, now);
  await emitWebhookEvent(
    tx,
    row.accountId,
    'change.completed',
    { changeRequestId: row.id, type: row.type, subject: 'enterprise', proof: event === 'registry_confirmed' ? 'registry' : 'review' },
    now,
  );
  return done;
}

/**
 * A request in `new_name` meets the registry's answer (R-CHG-E2), in the caller's
 * transaction on the locked row: confirmed → the name is amended at once; otherwise
 * proofs are asked for; an unavailable registry leaves the request waiting in `new_name`
 * (audited, so the page can say so) — never a guess.
 */
export async function applyRenameDecisionInTx(
  tx: Db,
  row: ChangeRequestRow,
  subject: Pick<CurrentSubjectFacts, 'code' | 'complete'>,
  answer: RenameRegistryAnswer | null,
  now: Date,
): Promise<ChangeRequestRow> {
  if (row.state !== 'new_name' || !row.newName) throw new AppError('STEP_NOT_ALLOWED');
  // On the review path the registry's answer changes nothing: it is not even needed.
  const decision = decideRename(subject, row.newName, answer?.kind === 'answered' ? answer.record : null);
  if (decision === 'registry_confirmed') return completeEnterpriseRenameInTx(tx, row, 'registry_confirmed', now, row.accountId);
  if (answer?.kind === 'unavailable' && renamePath(subject) === 'automatic') {
    await appendAudit(tx, {
      at: now,
      action: RENAME_REGISTRY_UNAVAILABLE_ACTION,
      actorAccountId: row.accountId,
      accountId: row.accountId,
      target: auditTarget('subject_change', row.id),
      data: { state: row.state },
    });
    return row;
  }
  return moveChangeRequest(tx, row, 'proofs_required', now);
}
