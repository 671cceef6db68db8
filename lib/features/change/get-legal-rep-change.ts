import { findChangeRequest, findSubjectById } from '@/db/queries/change-requests';
import type { LegalRepUpdateChannel } from '@/lib/domain/change/change-types';
import { legalRepSessionFailure, type LegalRepFailure } from '@/lib/domain/change/legal-rep-outcome';
import { maskIdentifier } from '@/lib/domain/mask';
import { AppError } from '@/lib/errors';
import { decryptField } from '@/lib/security/crypto';
import { CHANGE_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import { isUuid } from '@/lib/schemas/uuid';
import { SUBJECT_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import type { ServiceContext } from '../context';
import { getChannelSession, type ChannelSessionView } from '@/lib/features/channels';
import { consentNeeded } from '@/lib/features/account';

export interface LegalRepPersonView {
  name: string;
  idMasked: string;
}

/** What the steps of 更新企业法人信息 show beyond SubjectChangeView; ID numbers masked (SPEC §9). */
export interface LegalRepChangeView {
  /** 变更后企业法人姓名 / 身份证号 as entered (masked). */
  newLegalRep: LegalRepPersonView | null;
  /** Its label: the catalogue's change.legal_rep_channel.<channel>. */
  channel: LegalRepUpdateChannel | null;
  /** The subject's legal rep on file: before completion the old one (null: none, the update adds one), after it the new one. */
  onFile: LegalRepPersonView | null;
  /** rep_checking: the current session; rep_data: the last one, whose failure is shown. */
  session: ChannelSessionView | null;
  /** rep_data after a session that failed or ran out: why (change.legal_rep_failure.<code>). */
  failure: LegalRepFailure | null;
  /** 《人脸信息处理授权书》 still to be ticked for this request. */
  faceConsentNeeded: boolean;
}

/** The signed-in account's legal-rep update by id (another account's: NOT_FOUND). */
export async function getLegalRepChange(ctx: ServiceContext, accountId: string, changeId: string): Promise<LegalRepChangeView> {
  const row = isUuid(changeId) ? await findChangeRequest(ctx.db, accountId, changeId) : undefined;
  if (!row || row.type !== 'legal_rep_update') throw new AppError('NOT_FOUND');
  const subject = await findSubjectById(ctx.db, row.oldSubjectId);
  const channel = row.channel === 'face' || row.channel === 'wechat' ? row.channel : null;
  const waiting = row.state === 'rep_data' || row.state === 'rep_checking';
  const session = waiting && row.faceSessionId ? await getChannelSession(ctx, row.faceSessionId) : null;
  return {
    newLegalRep:
      row.legalRepName && row.legalRepIdNumberEnc
        ? { name: row.legalRepName, idMasked: maskIdentifier(decryptField(row.legalRepIdNumberEnc, CHANGE_LEGAL_REP_ID_CONTEXT)) }
        : null,
    channel,
    onFile:
      subject?.legalRepName && subject.legalRepIdNumberEnc
        ? { name: subject.legalRepName, idMasked: maskIdentifier(decryptField(subject.legalRepIdNumberEnc, SUBJECT_LEGAL_REP_ID_CONTEXT)) }
        : null,
    session,
    failure: row.state === 'rep_data' && session ? legalRepSessionFailure(session) : null,
    faceConsentNeeded: waiting && (await consentNeeded(ctx.db, { accountId, purpose: 'face', processRef: `subject_change:${row.id}` })),
  };
}
