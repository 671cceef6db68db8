import type { Tx } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { findSubjectById, markSubjectReplaced } from '@/db/queries/change-requests';
import { countCurrentHolders, insertSubject, lockIdentity, releaseAccountProcess } from '@/db/queries/subjects';
import type { ChangeRequestRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { CHANGE_LINKED_VERIFICATION } from '@/lib/domain/change/change-types';
import { maskPersonName } from '@/lib/domain/mask';
import { emitWebhookEvent } from '@/lib/features/notifications';
import { moveChangeRequest } from './change-request-steps';
import type { LinkedCompletion } from '@/lib/features/verification';
import { notifyAccount } from '@/lib/features/notifications';

/**
 * A linked verification proved the new subject: the change completes in the same
 * transaction (ADR 0013, SECURITY 9). The identity locks of the old and the new identity
 * are taken in sorted order (two crossing changes cannot deadlock); the new identity's
 * holders are counted under its lock (R-CHG-6) — over the cap the verification is
 * refused and the request goes back to the new data; otherwise the old subject is marked
 * replaced (its slot is free once this commits), the new one written, the request
 * completed, the process freed, the owner told and `change.completed` queued. An account
 * racing for either slot waits on its lock and counts after this commit: never over the
 * cap, never a lost slot.
 */
export async function completeSubjectChange(tx: Tx, change: ChangeRequestRow, linked: LinkedCompletion, now: Date): Promise<void> {
  const old = await findSubjectById(tx, change.oldSubjectId);
  const linkedId = linked.kind === 'personal' ? change.personalVerificationId : change.enterpriseVerificationId;
  if (!old || old.replacedAt !== null || change.state !== 'verifying' || linkedId !== linked.verificationId || !change.type || CHANGE_LINKED_VERIFICATION[change.type] !== linked.kind) {
    // The request ended (撤销) while the verification ran to its end: it completes nothing.
    await linked.refused('closed');
    return;
  }

  const newKey = linked.subject.identityKey;
  for (const key of [...new Set([old.identityKey, newKey])].sort()) await lockIdentity(tx, key);
  const limit = await linked.limit(tx);
  // The account's own slot moves with the change when both identities are the same one.
  const holders = (await countCurrentHolders(tx, newKey)) - (old.identityKey === newKey ? 1 : 0);
  if (holders >= limit) {
    await appendAudit(tx, {
      at: now,
      action: linked.kind === 'personal' ? 'limit.identity_full' : 'limit.enterprise_full',
      accountId: change.accountId,
      target: auditTarget('subject_change', change.id),
      data: { stage: 'change_completion', limit },
    });
    await linked.refused('limit');
    return;
  }

  if (!(await markSubjectReplaced(tx, old.id, now))) {
    await linked.refused('closed');
    return;
  }
  const subject = await insertSubject(tx, { ...linked.subject, accountId: change.accountId, verifiedAt: now });
  await linked.succeeded();
  await moveChangeRequest(tx, change, 'verification_succeeded', now, { newSubjectId: subject.id, completedAt: now }, null);
  await releaseAccountProcess(tx, change.accountId, change.id);
  await notifyAccount(tx, change.accountId, { kind: 'change_completed', subjectName: subject.kind === 'person' ? maskPersonName(subject.name) : subject.name }, now);
  await emitWebhookEvent(
    tx,
    change.accountId,
    'change.completed',
    { changeRequestId: change.id, type: change.type, subject: subject.kind, verificationId: linked.verificationId, method: subject.method },
    now,
  );
}
