import { findChangeRequestOfVerification } from '@/db/queries/change-requests';
import { releaseAccountProcess } from '@/db/queries/subjects';
import { changeLink } from '@/lib/features/verification';
import { isUuid } from '@/lib/schemas/uuid';
import type { ServiceContext } from '../context';
import { lockOwnEnterprise, moveEnterprise } from './enterprise-verification-steps';
import { leaveBankMethodInTx } from './leave-bank-method';

/** 撤销: ends the unfinished verification and frees the account for another (R-LIM-9). A late result is then ignored. */
export async function cancelEnterpriseVerification(ctx: ServiceContext, accountId: string, verificationId: string): Promise<void> {
  const now = await ctx.clock.now();
  // The wizard running for a change request: its 撤销 withdraws the whole change (R-CHG-3).
  const change = isUuid(verificationId) ? await findChangeRequestOfVerification(ctx.db, 'enterprise', verificationId) : undefined;
  if (change?.accountId === accountId && change.state === 'verifying') return changeLink.get().cancelChange(ctx, accountId, change.id);
  await ctx.db.transaction(async (tx) => {
    const row = await lockOwnEnterprise(tx, accountId, verificationId);
    if (row.state === 'cancelled') return; // a double click
    await leaveBankMethodInTx(tx, row, now);
    await moveEnterprise(tx, row, 'cancel', now, { completedAt: now });
    await releaseAccountProcess(tx, accountId, row.id);
  });
}
