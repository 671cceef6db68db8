import { findCurrentSubject } from '@/db/queries/subjects';
import { checkPersonalChangeStart } from '@/lib/domain/change/eligibility';
import { AppError } from '@/lib/errors';
import { changeFacts, insertChangeRequestWithProcess } from './change-request-steps';
import type { ServiceContext } from '../context';
import { requireConfirmedEmail } from '@/lib/features/account';

/**
 * 开始修改 (R-CHG-1, R-CHG-P1): a personal account ticks 《实名认证主体变更协议》 and
 * starts a change request, which then waits for the face check of the current subject.
 * The request takes the account's one process (R-LIM-9); the subject stays as it is
 * (R-CHG-2). Refused, changing nothing, when the account has no subject, is an
 * enterprise (its three types come with their own page), or already runs something.
 */
export async function startSubjectChange(ctx: ServiceContext, accountId: string, consent: string | undefined): Promise<{ changeId: string }> {
  await requireConfirmedEmail(ctx.db, accountId);
  const now = await ctx.clock.now();
  const subject = await findCurrentSubject(ctx.db, accountId);
  const check = checkPersonalChangeStart(await changeFacts(ctx.db, accountId, now, subject));
  if (!check.ok) throw new AppError(check.refusal === 'in_progress' ? 'PROCESS_IN_PROGRESS' : 'CHANGE_NOT_ALLOWED', { reason: check.reason });
  if (!subject) throw new AppError('CHANGE_NOT_ALLOWED');

  return ctx.db.transaction(async (tx) => {
    const row = await insertChangeRequestWithProcess(
      tx,
      { accountId, type: null, state: 'face_check', oldSubjectId: subject.id, createdAt: now, updatedAt: now },
      [{ purpose: 'subject_change', given: consent }],
      { subjectKind: subject.kind },
    );
    return { changeId: row.id };
  });
}
