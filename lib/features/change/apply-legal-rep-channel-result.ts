import type { Tx } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { amendSubjectLegalRep, findSubjectById } from '@/db/queries/change-requests';
import { releaseAccountProcess } from '@/db/queries/subjects';
import type { ChangeRequestRow, ChannelSessionRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { maskPersonName } from '@/lib/domain/mask';
import { decryptField, encryptField } from '@/lib/security/crypto';
import { CHANGE_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import { moveChangeRequest } from './change-request-steps';
import { SUBJECT_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import { emitWebhookEvent } from '@/lib/features/notifications';
import { notifyAccount } from '@/lib/features/notifications';

/**
 * R-CHG-E3: the new legal rep's WeChat / face session settled, for a request locked in
 * `rep_checking` whose current session it is (apply-change-channel-result.ts ignores any
 * other, inside the callback's or the sweeper's transaction — no channel is called here).
 *
 * Passed: the CURRENT subject is amended in place in the same transaction — 企业法人姓名 and
 * the ID number re-encrypted under the subject's own context (written when it had none:
 * "update, or add") — its verifiedAt kept (ADR 0013: an amendment is not a verification);
 * the request completes, the account's process is released, the owner told, and
 * `change.completed` queued. Failed, declined or expired: back to the data step to try again
 * (the reason is read from the session there).
 */
export async function applyLegalRepChannelResult(tx: Tx, row: ChangeRequestRow, session: ChannelSessionRow, passed: boolean, now: Date): Promise<void> {
  if (!passed) {
    await moveChangeRequest(tx, row, 'session_failed', now, {}, null);
    return;
  }
  const subject = await findSubjectById(tx, row.oldSubjectId);
  const legalRepName = row.legalRepName;
  const legalRepIdNumberEnc = row.legalRepIdNumberEnc ? encryptField(decryptField(row.legalRepIdNumberEnc, CHANGE_LEGAL_REP_ID_CONTEXT), SUBJECT_LEGAL_REP_ID_CONTEXT) : null;
  // The request holds the account's process, so its subject stays current; should it not be, nothing is written.
  if (!subject || !legalRepName || !legalRepIdNumberEnc || !(await amendSubjectLegalRep(tx, subject.id, { legalRepName, legalRepIdNumberEnc }))) {
    await appendAudit(tx, {
      at: now,
      action: 'subject_change.result_ignored',
      accountId: row.accountId,
      target: auditTarget('channel_session', session.id),
      data: { reason: 'subject_not_current', state: 'completed' },
    });
    return;
  }
  const added = subject.legalRepName === null;
  await appendAudit(tx, {
    at: now,
    action: added ? 'subject.legal_rep_added' : 'subject.legal_rep_updated',
    accountId: row.accountId,
    target: auditTarget('subject', subject.id),
    data: { changeRequestId: row.id, channel: session.channel },
  });
  await moveChangeRequest(tx, row, 'session_passed', now, { completedAt: now }, null);
  await releaseAccountProcess(tx, row.accountId, row.id);
  await notifyAccount(tx, row.accountId, { kind: 'change_completed', subjectName: subject.name, update: `的企业法人信息已${added ? '补充' : '更新'}为 ${maskPersonName(legalRepName)}` }, now);
  await emitWebhookEvent(tx, row.accountId, 'change.completed', { changeRequestId: row.id, type: row.type, subject: 'enterprise', channel: session.channel }, now);
}
