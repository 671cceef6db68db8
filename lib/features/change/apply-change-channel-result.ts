import type { Tx } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { lockChangeRequestById } from '@/db/queries/change-requests';
import type { ChannelSessionRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { RESULT_EVENT, type ChannelSessionState } from '@/lib/domain/channel-session';
import { applyLegalRepChannelResult } from './apply-legal-rep-channel-result';
import { isUuid } from '@/lib/schemas/uuid';
import { moveChangeRequest } from './change-request-steps';

/**
 * What a settled face / WeChat session of a change request means, applied in the
 * callback's or the sweeper's transaction: the current subject (R-CHG-P1) or the old
 * legal rep (R-CHG-E1) passed → the request's next step; failed, declined or expired →
 * back to the check, to try again. The new legal rep's session (R-CHG-E3) has its own handler. A session
 * that is not the request's current one (a new code, a cancelled request) changes nothing.
 */
export async function applyChangeChannelResult(tx: Tx, session: ChannelSessionRow, state: ChannelSessionState, now: Date): Promise<void> {
  const row = isUuid(session.reference) ? await lockChangeRequestById(tx, session.reference) : undefined;
  if (!row || row.faceSessionId !== session.id || (row.state !== 'face_checking' && row.state !== 'rep_checking')) {
    await appendAudit(tx, {
      at: now,
      action: 'subject_change.result_ignored',
      accountId: row?.accountId ?? null,
      target: auditTarget('channel_session', session.id),
      data: { reason: row ? 'superseded' : 'unknown_request', state },
    });
    return;
  }
  const passed = state === 'completed' && session.result !== null && RESULT_EVENT[session.result] === 'channel_passed';
  // R-CHG-E3: the new legal rep's session completes the update itself (the subject is amended with it).
  if (row.type === 'legal_rep_update') return applyLegalRepChannelResult(tx, row, session, passed, now);
  await moveChangeRequest(tx, row, passed ? 'session_passed' : 'session_failed', now, {}, null);
}
