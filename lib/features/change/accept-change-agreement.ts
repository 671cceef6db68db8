import { AppError } from '@/lib/errors';
import { lockOwnChangeRequest } from './change-request-steps';
import type { ServiceContext } from '../context';
import { requireConsentInTx } from '@/lib/features/account';

/**
 * R-CHG-P2: 《接受实名认证主体变更协议》, ticked on the new-data step before the new
 * subject's data is entered in the verification wizard. Stored with its text version;
 * the wizard's start refuses a linked verification without it (link-change-verification.ts).
 */
export async function acceptChangeAgreement(ctx: ServiceContext, accountId: string, changeId: string, consent: string | undefined) {
  const now = await ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await lockOwnChangeRequest(tx, accountId, changeId);
    if (row.state !== 'new_data' && row.state !== 'verifying') throw new AppError('STEP_NOT_ALLOWED');
    await requireConsentInTx(tx, { accountId, purpose: 'subject_change_accept', processRef: `subject_change:${row.id}`, given: consent }, now);
  });
}
