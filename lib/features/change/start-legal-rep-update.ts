import { findChangeRequest } from '@/db/queries/change-requests';
import { findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import type { ChangeRequestRow } from '@/db/schema';
import { checkChangeStart } from '@/lib/domain/change/eligibility';
import { AppError } from '@/lib/errors';
import type { LegalRepUpdateInput } from '@/lib/schemas/legal-rep-update';
import { decryptField, encryptField } from '@/lib/security/crypto';
import { CHANGE_LEGAL_REP_ID_CONTEXT, CHANGE_PROCESS } from '@/db/schema';
import { changeFacts, insertChangeRequestWithProcess } from './change-request-steps';
import { checkNewLegalRep } from './check-new-legal-rep';
import type { ServiceContext } from '../context';
import { isOpenableLegalRepUpdate, openLegalRepSessionFor } from './open-legal-rep-session';
import type { ChannelServiceContext } from '@/lib/features/channels';
import { requireConfirmedEmail } from '@/lib/features/account';

/**
 * 更新企业法人信息 (R-CHG-E3): offered only to a 工商类 subject with a USCC (checkChangeStart,
 * which also refuses a second process, R-LIM-9). The registry must list the new legal rep
 * (asked before anything is written: a "no" or a silent registry changes nothing). Then the
 * request is created in rep_data with 变更后企业法人姓名, the encrypted ID number and the
 * channel, holding the account's process, and the new legal rep's session is opened at once
 * (rep_checking). When the channel cannot open one the request waits in rep_data for 重试,
 * and the channel's error is thrown for the form.
 *
 * A double submit of the same data finds the request the first one created (the process'
 * primary key settles two racing ones) and answers with its session.
 */
export async function startLegalRepUpdate(ctx: ChannelServiceContext, accountId: string, input: LegalRepUpdateInput): Promise<{ changeId: string }> {
  await requireConfirmedEmail(ctx.db, accountId);
  const now = await ctx.clock.now();
  if (!input.legalRepIdNumber) throw new AppError('INVALID_INPUT', { field: 'legalRepIdNumber', reason: { code: 'change.error.new_legal_rep_id_required' } });
  const rep = { legalRepName: input.legalRepName, legalRepIdNumber: input.legalRepIdNumber };

  const subject = await findCurrentSubject(ctx.db, accountId);
  const check = checkChangeStart(await changeFacts(ctx.db, accountId, now, subject), 'legal_rep_update');
  if (!check.ok) {
    const same = check.refusal === 'in_progress' ? await sameRunningUpdate(ctx, accountId, input) : undefined;
    if (same) return open(ctx, accountId, same, input);
    throw new AppError(check.refusal === 'in_progress' ? 'PROCESS_IN_PROGRESS' : 'CHANGE_NOT_ALLOWED', { reason: check.reason });
  }
  if (!subject) throw new AppError('CHANGE_NOT_ALLOWED');

  await checkNewLegalRep(ctx, accountId, subject, rep, now);

  let row: ChangeRequestRow;
  try {
    row = await ctx.db.transaction((tx) =>
      insertChangeRequestWithProcess(
        tx,
        {
          accountId,
          type: 'legal_rep_update',
          state: 'rep_data',
          oldSubjectId: subject.id,
          legalRepName: rep.legalRepName,
          legalRepIdNumberEnc: encryptField(rep.legalRepIdNumber, CHANGE_LEGAL_REP_ID_CONTEXT),
          channel: input.channel,
          createdAt: now,
          updatedAt: now,
        },
        input.channel === 'face' ? [{ purpose: 'face', given: input.consent }] : [],
        { subjectKind: subject.kind, channel: input.channel, legalRepOnFile: subject.legalRepName !== null },
      ),
    );
  } catch (error) {
    const same = error instanceof AppError && error.code === 'PROCESS_IN_PROGRESS' ? await sameRunningUpdate(ctx, accountId, input) : undefined;
    if (!same) throw error;
    row = same;
  }
  return open(ctx, accountId, row, input);
}

async function open(ctx: ChannelServiceContext, accountId: string, row: ChangeRequestRow, input: LegalRepUpdateInput): Promise<{ changeId: string }> {
  await openLegalRepSessionFor(ctx, accountId, row, input.consent);
  return { changeId: row.id };
}

/** The account's running legal-rep update when it was started with exactly this data (a double submit). */
async function sameRunningUpdate(ctx: ServiceContext, accountId: string, input: LegalRepUpdateInput): Promise<ChangeRequestRow | undefined> {
  const process = await findAccountProcess(ctx.db, accountId);
  if (!process || process.kind !== CHANGE_PROCESS) return undefined;
  const row = await findChangeRequest(ctx.db, accountId, process.processId);
  if (!row || !isOpenableLegalRepUpdate(row) || !row.legalRepIdNumberEnc) return undefined;
  const same =
    row.legalRepName === input.legalRepName &&
    row.channel === input.channel &&
    decryptField(row.legalRepIdNumberEnc, CHANGE_LEGAL_REP_ID_CONTEXT) === input.legalRepIdNumber;
  return same ? row : undefined;
}
