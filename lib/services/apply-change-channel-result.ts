import type { Tx } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { lockChangeRequestById } from '@/db/queries/change-requests';
import type { ChannelSessionRow } from '@/db/schema';
import { RESULT_EVENT, type ChannelSessionState } from '@/lib/domain/channel-session';
import { CHANGE_UUID, moveChangeRequest } from './change-request-steps';

/**
 * What a settled face / WeChat session of a change request means (R-CHG-P1), applied in
 * the callback's or the sweeper's transaction: the current subject passed → the choice
 * of type; failed, declined or expired → back to the face check, to try again. A session
 * that is not the request's current one (a new code, a cancelled request) changes nothing.
 */
export async function applyChangeChannelResult(tx: Tx, session: ChannelSessionRow, state: ChannelSessionState, now: Date): Promise<void> {
  const row = CHANGE_UUID.test(session.reference) ? await lockChangeRequestById(tx, session.reference) : undefined;
  if (!row || row.faceSessionId !== session.id || row.state !== 'face_checking') {
    await appendAudit(tx, {
      at: now,
      action: 'subject_change.result_ignored',
      accountId: row?.accountId ?? null,
      target: `channel_session:${session.id}`,
      data: { reason: row ? 'superseded' : 'unknown_request', state },
    });
    return;
  }
  const passed = state === 'completed' && session.result !== null && RESULT_EVENT[session.result] === 'channel_passed';
  await moveChangeRequest(tx, row, passed ? 'session_passed' : 'session_failed', now, {}, null);
}
