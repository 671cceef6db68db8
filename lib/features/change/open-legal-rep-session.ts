import { findChangeRequest } from '@/db/queries/change-requests';
import type { ChangeRequestRow } from '@/db/schema';
import type { LegalRepUpdateChannel } from '@/lib/domain/change/change-types';
import { AppError } from '@/lib/errors';
import { decryptField } from '@/lib/security/crypto';
import { CHANGE_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import { isUuid } from '@/lib/schemas/uuid';
import { lockOwnChangeRequest, moveChangeRequest, oldSubjectOf } from './change-request-steps';
import { checkNewLegalRep } from './check-new-legal-rep';
import { getChannelSession, type ChannelSessionView } from '@/lib/features/channels';
import { openChannelSession } from '@/lib/features/channels';
import { requireConsentInTx } from '@/lib/features/account';
import type { ChannelServiceContext } from '@/lib/features/channels';

/** A legal-rep update whose data step may open (or show again) the new legal rep's session. */
export function isOpenableLegalRepUpdate(row: ChangeRequestRow): boolean {
  return row.type === 'legal_rep_update' && (row.state === 'rep_data' || row.state === 'rep_checking');
}

/**
 * R-CHG-E3: 生成二维码 / 开始人脸识别 / 重试 / 获取新二维码 / 重新生成二维码 — the new legal
 * rep's WeChat scan or face session for the data on the request. Before a new code the
 * registry is asked again (as the enterprise wizard's legal-rep methods do), outside any
 * transaction; a "no" opens nothing. While the current code is open it is shown again. Face data needs its consent once per request (SECURITY 17).
 */
export async function openLegalRepSession(ctx: ChannelServiceContext, accountId: string, changeId: string, consent: string | undefined): Promise<ChannelSessionView> {
  const now = await ctx.clock.now();
  const row = isUuid(changeId) ? await findChangeRequest(ctx.db, accountId, changeId) : undefined;
  if (!row || row.type !== 'legal_rep_update') throw new AppError('NOT_FOUND');
  if (!isOpenableLegalRepUpdate(row)) throw new AppError('STEP_NOT_ALLOWED');
  // 重新生成二维码 while the current code is still open shows that code (double submit): nothing to ask.
  const live = row.state === 'rep_checking' && row.faceSessionId ? (await getChannelSession(ctx, row.faceSessionId)).state === 'open' : false;
  if (!live) await checkNewLegalRep(ctx, accountId, await oldSubjectOf(ctx.db, row), repOf(row), now);
  return openLegalRepSessionFor(ctx, accountId, row, consent);
}

/**
 * Opens the session for `row`'s data once the registry has listed the new legal rep — reusing
 * open-channel-session.ts as the part-1 face check does (purpose subject_change, reference the
 * request): a double submit is answered with the same live session, and the request moves to
 * rep_checking with the session in the transaction that stores it, so a callback always finds
 * it linked. The data it was opened for must still be the request's (an edit in between is a
 * conflict, never a session for the old person linked to the new data).
 */
export async function openLegalRepSessionFor(ctx: ChannelServiceContext, accountId: string, row: ChangeRequestRow, consent: string | undefined): Promise<ChannelSessionView> {
  const now = await ctx.clock.now();
  const rep = repOf(row);
  const channel = row.channel as LegalRepUpdateChannel;
  if (channel === 'face') {
    await ctx.db.transaction((tx) => requireConsentInTx(tx, { accountId, purpose: 'face', processRef: `subject_change:${row.id}`, given: consent }, now));
  }
  return openChannelSession(ctx, {
    ...(channel === 'face'
      ? { channel: 'face', expectedName: rep.legalRepName, idNumber: rep.legalRepIdNumber }
      : // R-CHG-E3: a PRC resident ID only.
        { channel: 'wechat', expectedName: rep.legalRepName, idType: 'resident_id', idNumber: rep.legalRepIdNumber }),
    reference: row.id,
    purpose: 'subject_change',
    accountId,
    currentSession: async (tx) => {
      const current = await findChangeRequest(tx, accountId, row.id);
      return current?.state === 'rep_checking' ? current.faceSessionId : null;
    },
    onOpened: async (tx, session, openedAt) => {
      const locked = await lockOwnChangeRequest(tx, accountId, row.id);
      if (locked.legalRepIdNumberEnc !== row.legalRepIdNumberEnc || locked.legalRepName !== row.legalRepName || locked.channel !== row.channel) {
        throw new AppError('CONFLICT');
      }
      await moveChangeRequest(tx, locked, 'open_session', openedAt, { faceSessionId: session.id });
    },
  });
}

function repOf(row: ChangeRequestRow): { legalRepName: string; legalRepIdNumber: string } {
  if (!row.legalRepName || !row.legalRepIdNumberEnc || (row.channel !== 'face' && row.channel !== 'wechat')) throw new AppError('STEP_NOT_ALLOWED');
  return { legalRepName: row.legalRepName, legalRepIdNumber: decryptField(row.legalRepIdNumberEnc, CHANGE_LEGAL_REP_ID_CONTEXT) };
}
