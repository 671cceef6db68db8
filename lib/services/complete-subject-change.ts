import type { Tx } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { findSubjectById, markSubjectReplaced } from '@/db/queries/change-requests';
import { countCurrentHolders, insertSubject, lockIdentity, releaseAccountProcess } from '@/db/queries/subjects';
import type { ChangeRequestRow, subjects } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { CHANGE_LINKED_VERIFICATION } from '@/lib/domain/change/change-types';
import { maskPersonName } from '@/lib/domain/mask';
import { emitWebhookEvent } from './emit-webhook-event';
import { moveChangeRequest } from './change-request-steps';
import type { LinkedKind } from './link-change-verification';
import { notifyAccount } from './notify-account';

/** What the completing verification hands over; its own state moves stay in its service. */
export interface LinkedCompletion {
  kind: LinkedKind;
  verificationId: string;
  /** The new subject as the verification proved it (the account and the time are added here). */
  subject: Omit<typeof subjects.$inferInsert, 'accountId' | 'verifiedAt' | 'replacedAt'>;
  /** R-LIM-1 / R-LIM-2 for the new identity, read under its lock (an enterprise's override may apply). */
  limit: (tx: Tx) => Promise<number>;
  /** The verification succeeded (its own transition, audit row included). */
  succeeded: () => Promise<unknown>;
  /** The verification fails `limit_refused` for `reason`; its request then returns to new_data (link-change-verification.ts). */
  refused: (reason: 'limit' | 'closed') => Promise<unknown>;
}

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
