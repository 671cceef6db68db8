import { findChangeRequest } from '@/db/queries/change-requests';
import { AppError } from '@/lib/errors';
import type { LegalRepEditInput } from '@/lib/schemas/legal-rep-update';
import { decryptField, encryptField } from '@/lib/security/crypto';
import { CHANGE_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import { isUuid } from '@/lib/schemas/uuid';
import { lockOwnChangeRequest, moveChangeRequest, oldSubjectOf } from './change-request-steps';
import { checkNewLegalRep } from './check-new-legal-rep';
import type { ServiceContext } from '../context';
import { isOpenableLegalRepUpdate, openLegalRepSessionFor } from './open-legal-rep-session';
import { requireConsentInTx } from '@/lib/features/account';
import type { ChannelServiceContext } from '@/lib/features/channels';

/**
 * R-CHG-E3, 修改: the new legal rep's data corrected on a running request (an empty ID number
 * keeps the one on file), then a session for it at once. The registry is asked first, outside
 * any transaction: a "no" changes nothing. The edit drops any open session (a result for it is
 * then ignored as superseded) and is one transition (`edit`) with its audit row.
 */
export async function editLegalRepUpdate(ctx: ChannelServiceContext, accountId: string, input: LegalRepEditInput): Promise<{ changeId: string }> {
  const now = await ctx.clock.now();
  const row = isUuid(input.changeId) ? await findChangeRequest(ctx.db, accountId, input.changeId) : undefined;
  if (!row || row.type !== 'legal_rep_update') throw new AppError('NOT_FOUND');
  if (!isOpenableLegalRepUpdate(row)) throw new AppError('STEP_NOT_ALLOWED');
  const onFile = row.legalRepIdNumberEnc ? decryptField(row.legalRepIdNumberEnc, CHANGE_LEGAL_REP_ID_CONTEXT) : null;
  const idNumber = input.legalRepIdNumber ?? onFile;
  if (!idNumber) throw new AppError('INVALID_INPUT', { field: 'legalRepIdNumber', reason: { code: 'change.error.new_legal_rep_id_required' } });

  await checkNewLegalRep(ctx, accountId, await oldSubjectOf(ctx.db, row), { legalRepName: input.legalRepName, legalRepIdNumber: idNumber }, now);

  const edited = await ctx.db.transaction(async (tx) => {
    const locked = await lockOwnChangeRequest(tx, accountId, row.id);
    if (input.channel === 'face') {
      await requireConsentInTx(tx, { accountId, purpose: 'face', processRef: `subject_change:${row.id}`, given: input.consent }, now);
    }
    return moveChangeRequest(tx, locked, 'edit', now, {
      legalRepName: input.legalRepName,
      legalRepIdNumberEnc: encryptField(idNumber, CHANGE_LEGAL_REP_ID_CONTEXT),
      channel: input.channel,
      faceSessionId: null,
    });
  });
  await openLegalRepSessionFor(ctx, accountId, edited, input.consent);
  return { changeId: row.id };
}

/**
 * 修改 on the waiting page: back to the data step (rep_checking → rep_data), the open session
 * dropped so that its result changes nothing. Already at the data step: nothing to do.
 */
export async function returnToLegalRepData(ctx: ServiceContext, accountId: string, changeId: string): Promise<void> {
  const now = await ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const locked = await lockOwnChangeRequest(tx, accountId, changeId);
    if (locked.type !== 'legal_rep_update') throw new AppError('NOT_FOUND');
    if (locked.state === 'rep_data') return;
    await moveChangeRequest(tx, locked, 'edit', now, { faceSessionId: null });
  });
}
