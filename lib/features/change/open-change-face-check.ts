import { findChangeRequest } from '@/db/queries/change-requests';
import { isPersonalDocumentType } from '@/lib/domain/identity/document-types';
import { AppError } from '@/lib/errors';
import { decryptField } from '@/lib/security/crypto';
import { isUuid } from '@/lib/schemas/uuid';
import { lockOwnChangeRequest, moveChangeRequest, oldSubjectOf } from './change-request-steps';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import { openChannelSession } from '@/lib/features/channels';
import { requireConsentInTx } from '@/lib/features/account';
import type { ChannelServiceContext } from '@/lib/features/channels';

/**
 * R-CHG-P1: the face check of the CURRENT subject, so that only the person the account
 * belongs to can hand it over. Face recognition for a mainland ID; a permit holder, who
 * cannot use face (R-LIM-6), scans with WeChat instead. Asking again (a new code after
 * expiry or a failure) opens a new session; a result for the old one is then ignored.
 * Face data needs its own consent (SECURITY 17), once per request.
 */
export async function openChangeFaceCheck(ctx: ChannelServiceContext, accountId: string, changeId: string, consent: string | undefined) {
  const now = await ctx.clock.now();
  const row = isUuid(changeId) ? await findChangeRequest(ctx.db, accountId, changeId) : undefined;
  if (!row) throw new AppError('NOT_FOUND');
  if (row.state !== 'face_check' && row.state !== 'face_checking') throw new AppError('STEP_NOT_ALLOWED');
  const subject = await oldSubjectOf(ctx.db, row);
  if (subject.kind !== 'person' || !isPersonalDocumentType(subject.documentType)) throw new AppError('STEP_NOT_ALLOWED');

  const face = subject.documentType === 'resident_id';
  if (face) {
    await ctx.db.transaction((tx) => requireConsentInTx(tx, { accountId, purpose: 'face', processRef: `subject_change:${row.id}`, given: consent }, now));
  }
  const idNumber = decryptField(subject.documentNumberEnc, SUBJECT_DOCUMENT_CONTEXT);
  return openChannelSession(ctx, {
    ...(face
      ? { channel: 'face', expectedName: subject.name, idNumber }
      : { channel: 'wechat', expectedName: subject.name, idType: subject.documentType, idNumber }),
    reference: row.id,
    purpose: 'subject_change',
    accountId,
    currentSession: async (tx) => (await findChangeRequest(tx, accountId, changeId))?.faceSessionId ?? null,
    onOpened: async (tx, session, openedAt) => {
      const locked = await lockOwnChangeRequest(tx, accountId, changeId);
      await moveChangeRequest(tx, locked, 'open_session', openedAt, { faceSessionId: session.id });
    },
  });
}
