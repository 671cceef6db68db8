import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import type { Tx } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { lockChangeRequestOfVerification } from '@/db/queries/change-requests';
import { lockPersonalVerificationById } from '@/db/queries/personal-verifications';
import { countCurrentHolders, findCurrentSubject, insertSubject, lockIdentity, releaseAccountProcess } from '@/db/queries/subjects';
import type { ChannelSessionRow } from '@/db/schema';
import type { PersonalVerificationRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import type { ChannelSessionState } from '@/lib/domain/channel-session';
import { isAdultOn } from '@/lib/domain/identity/age';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import { PERSONAL_RESULT_OUTCOME, personalFailureText, type PersonalFailure } from '@/lib/domain/verification/personal-outcome';
import { announceVerificationOutcome } from '@/lib/features/verification';
import { changeLink, type LinkedCompletion } from '@/lib/features/verification';
import { movePersonal } from './personal-verification-steps';
import { decryptField, encryptField } from '@/lib/security/crypto';
import { DOCUMENT_NUMBER_CONTEXT } from '@/db/schema';
import { IDENTITY_LIMIT_PERSON } from './start-personal-verification';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a settled WeChat / QQ / face session means for the personal verification that
 * opened it, applied in the callback's transaction. A session that is no longer the
 * verification's current one (a new code, another method, a cancelled verification)
 * changes nothing.
 */
export async function applyPersonalChannelResult(tx: Tx, session: ChannelSessionRow, state: ChannelSessionState, now: Date): Promise<void> {
  // A reference that is not one of our ids (a foreign or forged one) finds nothing.
  const row = UUID.test(session.reference) ? await lockPersonalVerificationById(tx, session.reference) : undefined;
  if (!row || row.channelSessionId !== session.id || row.state !== 'awaiting_channel') {
    await appendAudit(tx, {
      at: now,
      action: 'personal_verification.result_ignored',
      accountId: row?.accountId ?? null,
      target: auditTarget('channel_session', session.id),
      data: { reason: row ? 'superseded' : 'unknown_verification', state },
    });
    return;
  }
  if (state === 'expired') {
    await movePersonal(tx, row, 'session_expired', now, {}, null);
    return;
  }
  const outcome = session.result ? PERSONAL_RESULT_OUTCOME[session.result] : { event: null };
  if (outcome.event === 'channel_matched') return completePersonal(tx, row, session, now);
  if (outcome.event === 'channel_declined') {
    await movePersonal(tx, row, 'channel_declined', now, {}, null);
    return;
  }
  if (outcome.event === 'channel_failed') return failPersonal(tx, row, 'channel_failed', outcome.failure, now);
}

async function failPersonal(tx: Tx, row: PersonalVerificationRow, event: 'channel_failed' | 'limit_refused', failure: PersonalFailure, now: Date) {
  await movePersonal(tx, row, event, now, { failureCode: failure, completedAt: now }, null);
  await releaseAccountProcess(tx, row.accountId, row.id);
  const method = row.method;
  await announceVerificationOutcome(
    tx,
    row.accountId,
    { verificationId: row.id, subject: 'person', method, failure: { code: failure, text: personalFailureText(failure, method) } },
    now,
  );
}

/**
 * R-LIM-3: the limits are enforced again, atomically, at completion: the identity's
 * lock row is held while its holders are counted and the subject is written, so that
 * racing completions for the last slot end with exactly one success (SECURITY 7).
 */
async function completePersonal(tx: Tx, row: PersonalVerificationRow, session: ChannelSessionRow, now: Date) {
  // R-LIM-4 for permit holders: the birth date comes from the channel.
  const birthDate = row.birthDate ?? session.birthDate;
  if (birthDate) {
    const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
    if (!isAdultOn({ year, month, day }, chinaCalendarDate(now))) return failPersonal(tx, row, 'limit_refused', 'minor', now);
  }
  // A verification started for a change request (变更个人主体) completes the change instead (ADR 0013).
  const change = await lockChangeRequestOfVerification(tx, 'personal', row.id);
  if (change) {
    const linked: LinkedCompletion = {
      kind: 'personal',
      verificationId: row.id,
      subject: personSubject(row, session),
      limit: async () => IDENTITY_LIMIT_PERSON,
      succeeded: () => movePersonal(tx, row, 'channel_matched', now, { birthDate, completedAt: now }, null),
      refused: (reason) => failPersonal(tx, row, 'limit_refused', reason === 'limit' ? 'identity_limit' : 'subject_exists', now),
    };
    return changeLink.get().verificationSucceededInTx(tx, change, linked, now);
  }
  if (await findCurrentSubject(tx, row.accountId)) return failPersonal(tx, row, 'limit_refused', 'subject_exists', now);

  await lockIdentity(tx, row.identityKey);
  if ((await countCurrentHolders(tx, row.identityKey)) >= IDENTITY_LIMIT_PERSON) {
    await appendAudit(tx, { at: now, action: 'limit.identity_full', accountId: row.accountId, data: { stage: 'completion' } });
    return failPersonal(tx, row, 'limit_refused', 'identity_limit', now);
  }
  await insertSubject(tx, { ...personSubject(row, session), accountId: row.accountId, verifiedAt: now });
  await movePersonal(tx, row, 'channel_matched', now, { birthDate, completedAt: now }, null);
  await releaseAccountProcess(tx, row.accountId, row.id);
  await announceVerificationOutcome(tx, row.accountId, { verificationId: row.id, subject: 'person', method: row.method ?? session.channel }, now);
}

/** The subject a personal verification proves, as `subjects` stores it. */
function personSubject(row: PersonalVerificationRow, session: ChannelSessionRow): LinkedCompletion['subject'] {
  return {
    kind: 'person',
    name: row.realName,
    documentType: row.documentType,
    // Re-encrypted under the subject's own context (the ciphertext is bound to its column).
    documentNumberEnc: encryptField(decryptField(row.documentNumberEnc, DOCUMENT_NUMBER_CONTEXT), SUBJECT_DOCUMENT_CONTEXT),
    identityKey: row.identityKey,
    method: row.method ?? session.channel,
    province: row.province,
    city: row.city,
    district: row.district,
    addressDetail: row.addressDetail,
    industry: row.industry,
  };
}
