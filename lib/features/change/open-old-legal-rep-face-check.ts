import { findChangeRequest } from '@/db/queries/change-requests';
import { AppError } from '@/lib/errors';
import { decryptField } from '@/lib/security/crypto';
import { CHANGE_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import { moveChangeRequest } from './change-request-steps';
import { findOpenSubjectChange, lockOpenSubjectChange } from './enterprise-subject-change-steps';
import { openChannelSession } from '@/lib/features/channels';
import { requireConsentInTx } from '@/lib/features/account';
import type { ChannelServiceContext } from '@/lib/features/channels';

/**
 * R-CHG-E1: the face check of the OLD legal representative named on the request (a
 * mainland ID, checked when the request started against the legal rep on file), so that
 * the enterprise that owns the account agrees to hand it over. Face data needs its own
 * consent (SECURITY 17), once per request. Asking again (a new code after expiry or a
 * failure) opens a new session; a result for the old one is then ignored. The pass moves
 * the request to the proofs (apply-change-channel-result.ts).
 */
export async function openOldLegalRepFaceCheck(ctx: ChannelServiceContext, accountId: string, changeId: string, consent: string | undefined) {
  const now = await ctx.clock.now();
  const row = await findOpenSubjectChange(ctx.db, accountId, changeId, now);
  if (row.state !== 'face_check' && row.state !== 'face_checking') throw new AppError('STEP_NOT_ALLOWED');
  if (!row.legalRepName || !row.legalRepIdNumberEnc) throw new AppError('STEP_NOT_ALLOWED');

  await ctx.db.transaction((tx) => requireConsentInTx(tx, { accountId, purpose: 'face', processRef: `subject_change:${row.id}`, given: consent }, now));
  return openChannelSession(ctx, {
    channel: 'face',
    expectedName: row.legalRepName,
    idNumber: decryptField(row.legalRepIdNumberEnc, CHANGE_LEGAL_REP_ID_CONTEXT),
    reference: row.id,
    purpose: 'subject_change',
    accountId,
    currentSession: async (tx) => (await findChangeRequest(tx, accountId, changeId))?.faceSessionId ?? null,
    onOpened: async (tx, session, openedAt) => {
      const locked = await lockOpenSubjectChange(tx, accountId, changeId, openedAt);
      await moveChangeRequest(tx, locked, 'open_session', openedAt, { faceSessionId: session.id });
    },
  });
}
