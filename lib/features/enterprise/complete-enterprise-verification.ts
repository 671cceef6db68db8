import { SUBJECT_CONTACT_ID_CONTEXT, SUBJECT_CONTACT_MOBILE_CONTEXT, SUBJECT_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import type { Tx } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { lockChangeRequestOfVerification } from '@/db/queries/change-requests';
import { enterpriseLimitOf } from '@/db/queries/enterprise-limits';
import { lockEnterpriseVerificationById } from '@/db/queries/enterprise-verifications';
import { countCurrentHolders, findCurrentSubject, insertSubject, lockIdentity, releaseAccountProcess } from '@/db/queries/subjects';
import type { ChannelSessionRow, EnterpriseVerificationRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import type { ChannelSessionState } from '@/lib/domain/channel-session';
import { sameEnterpriseName } from '@/lib/domain/enterprise-name';
import { ENTERPRISE_METHOD_CHANNEL, isLegalRepMethod, isSessionMethod, type EnterpriseMethod } from '@/lib/domain/verification/enterprise-methods';
import { enterpriseFailureText, ENTERPRISE_RESULT_OUTCOME, type EnterpriseFailure } from '@/lib/domain/verification/enterprise-outcome';
import { decryptField, encryptField } from '@/lib/security/crypto';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import { announceVerificationOutcome } from '@/lib/features/verification';
import { changeLink, type LinkedCompletion } from '@/lib/features/verification';
import { ENTERPRISE_CODE_CONTEXT, ENTERPRISE_CONTACT_ID_CONTEXT, ENTERPRISE_CONTACT_MOBILE_CONTEXT, ENTERPRISE_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import { moveEnterprise } from './enterprise-verification-steps';
import { isUuid } from '@/lib/schemas/uuid';


/**
 * What a settled Official Account / WeChat / face session means for the enterprise
 * verification that opened it, applied in the callback's (or the sweeper's)
 * transaction — no channel is called from here. A session that is no longer the
 * verification's current one (a new code, another method, an edit, a cancel) changes
 * nothing.
 *
 * - R-E-OA: `authorized` succeeds only when the session's verified enterprise name
 *   equals 企业名称 (canonical forms, lib/domain/enterprise-name.ts): otherwise
 *   `oa_name_mismatch` (or `oa_unverified` when the account has no verified name).
 * - R-E-LRWX / R-E-LRFACE: the channel's match completes. The registry's "this person
 *   is the legal representative" was asked when the method was chosen, before this
 *   session was opened and linked (choose-enterprise-method.ts); a legal-rep session is
 *   never linked without it.
 */
export async function applyEnterpriseChannelResult(tx: Tx, session: ChannelSessionRow, state: ChannelSessionState, now: Date): Promise<void> {
  // A reference that is not one of our ids (a foreign or forged one) finds nothing.
  const row = isUuid(session.reference) ? await lockEnterpriseVerificationById(tx, session.reference) : undefined;
  const method = row?.method ?? null;
  const current =
    row && row.channelSessionId === session.id && row.state === 'awaiting_channel' && isSessionMethod(method) && ENTERPRISE_METHOD_CHANNEL[method] === session.channel;
  if (!row || !current || !isSessionMethod(method)) {
    await ignore(tx, session, state, now, row, row ? 'superseded' : 'unknown_verification');
    return;
  }
  if (state === 'expired') {
    await moveEnterprise(tx, row, 'session_expired', now, {}, null);
    return;
  }
  const outcome = session.result ? ENTERPRISE_RESULT_OUTCOME[method][session.result] : { event: null };
  switch (outcome.event) {
    case null:
      return ignore(tx, session, state, now, row, 'result_not_for_method');
    case 'channel_declined':
      await moveEnterprise(tx, row, 'channel_declined', now, {}, null);
      return;
    case 'channel_failed':
      return failEnterprise(tx, row, 'channel_failed', outcome.failure, now);
    case 'channel_matched':
      if (method === 'oa') {
        if (session.verifiedEnterpriseName === null) return failEnterprise(tx, row, 'channel_failed', 'oa_unverified', now);
        if (!sameEnterpriseName(session.verifiedEnterpriseName, row.enterpriseName)) return failEnterprise(tx, row, 'channel_failed', 'oa_name_mismatch', now);
      } else if (isLegalRepMethod(method) && (!row.legalRepName || !row.legalRepIdNumberEnc)) {
        // Never linked without the registry's yes (see above): a row in this shape is not ours to complete.
        return failEnterprise(tx, row, 'channel_failed', 'legal_rep_not_registered', now);
      }
      return completeEnterprise(tx, row, method, now);
  }
}

async function ignore(tx: Tx, session: ChannelSessionRow, state: ChannelSessionState, now: Date, row: EnterpriseVerificationRow | undefined, reason: string) {
  await appendAudit(tx, {
    at: now,
    action: 'enterprise_verification.result_ignored',
    accountId: row?.accountId ?? null,
    target: auditTarget('channel_session', session.id),
    data: { reason, state },
  });
}

/** Fails the verification with its reason, frees the account's process and tells the user (bank methods call this too). */
export async function failEnterprise(
  tx: Tx,
  row: EnterpriseVerificationRow,
  event: 'channel_failed' | 'bank_failed' | 'limit_refused',
  failure: EnterpriseFailure,
  now: Date,
) {
  await moveEnterprise(tx, row, event, now, { failureCode: failure, completedAt: now }, null);
  await releaseAccountProcess(tx, row.accountId, row.id);
  await announceVerificationOutcome(
    tx,
    row.accountId,
    { verificationId: row.id, subject: 'enterprise', method: row.method, failure: { code: failure, text: enterpriseFailureText(failure) } },
    now,
  );
}

/**
 * R-LIM-2 / R-LIM-3: the enterprise's limit (its override in enterprise_limits, or 10)
 * is enforced again, atomically: the identity's lock row is held while its current
 * holders are counted and the subject is written, so that racing completions for the
 * last slot end with exactly one success (SECURITY 7). The bank methods complete here
 * too, from the transfer's or the typed amount's transaction (the row locked, in
 * `awaiting_bank`).
 */
export async function completeEnterprise(tx: Tx, row: EnterpriseVerificationRow, method: EnterpriseMethod, now: Date) {
  const matched = isSessionMethod(method) ? 'channel_matched' : 'bank_matched';
  // A verification started for a change request (变更为企业主体) completes the change instead (ADR 0013).
  const change = await lockChangeRequestOfVerification(tx, 'enterprise', row.id);
  if (change) {
    const linked: LinkedCompletion = {
      kind: 'enterprise',
      verificationId: row.id,
      subject: enterpriseSubject(row, method),
      limit: (locked) => enterpriseLimitOf(locked, row.identityKey),
      succeeded: () => moveEnterprise(tx, row, matched, now, { completedAt: now }, null),
      refused: (reason) => failEnterprise(tx, row, 'limit_refused', reason === 'limit' ? 'enterprise_limit' : 'subject_exists', now),
    };
    return changeLink.get().verificationSucceededInTx(tx, change, linked, now);
  }
  if (await findCurrentSubject(tx, row.accountId)) return failEnterprise(tx, row, 'limit_refused', 'subject_exists', now);

  await lockIdentity(tx, row.identityKey);
  const limit = await enterpriseLimitOf(tx, row.identityKey);
  if ((await countCurrentHolders(tx, row.identityKey)) >= limit) {
    await appendAudit(tx, { at: now, action: 'limit.enterprise_full', accountId: row.accountId, data: { stage: 'completion', limit } });
    return failEnterprise(tx, row, 'limit_refused', 'enterprise_limit', now);
  }
  await insertSubject(tx, { ...enterpriseSubject(row, method), accountId: row.accountId, verifiedAt: now });
  await moveEnterprise(tx, row, matched, now, { completedAt: now }, null);
  await releaseAccountProcess(tx, row.accountId, row.id);
  await announceVerificationOutcome(tx, row.accountId, { verificationId: row.id, subject: 'enterprise', method }, now);
}

/** The subject an enterprise verification proves, as `subjects` stores it. */
function enterpriseSubject(row: EnterpriseVerificationRow, method: EnterpriseMethod): LinkedCompletion['subject'] {
  // Re-encrypted under the subject's own contexts (a ciphertext is bound to its column).
  const move = (value: string | null, from: string, to: string) => (value === null ? null : encryptField(decryptField(value, from), to));
  return {
    kind: 'enterprise',
    name: row.enterpriseName,
    documentType: row.licenceType,
    documentNumberEnc: move(row.codeEnc, ENTERPRISE_CODE_CONTEXT, SUBJECT_DOCUMENT_CONTEXT)!,
    identityKey: row.identityKey,
    method,
    province: row.province,
    city: row.city,
    district: row.district,
    addressDetail: row.addressDetail,
    contactName: row.contactName,
    contactIdNumberEnc: move(row.contactIdNumberEnc, ENTERPRISE_CONTACT_ID_CONTEXT, SUBJECT_CONTACT_ID_CONTEXT),
    contactMobileEnc: move(row.contactMobileEnc, ENTERPRISE_CONTACT_MOBILE_CONTEXT, SUBJECT_CONTACT_MOBILE_CONTEXT),
    legalRepName: isLegalRepMethod(method) ? row.legalRepName : null,
    legalRepIdNumberEnc: isLegalRepMethod(method) ? move(row.legalRepIdNumberEnc, ENTERPRISE_LEGAL_REP_ID_CONTEXT, SUBJECT_LEGAL_REP_ID_CONTEXT) : null,
    licenceUploadId: row.licenceUploadId,
  };
}
