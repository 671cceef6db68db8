import { findChangeRequestOfVerification } from '@/db/queries/change-requests';
import { releaseAccountProcess } from '@/db/queries/subjects';
import { changeLink } from '@/lib/features/verification';
import { isUuid } from '@/lib/schemas/uuid';
import type { ServiceContext } from '../context';
import { lockOwnPersonal, movePersonal } from './personal-verification-steps';

/** 撤销: ends the unfinished verification and frees the account for another (R-LIM-9). */
export async function cancelPersonalVerification(ctx: ServiceContext, accountId: string, verificationId: string) {
  const now = await ctx.clock.now();
  // The wizard running for a change request: its 撤销 withdraws the whole change (R-CHG-3).
  const change = isUuid(verificationId) ? await findChangeRequestOfVerification(ctx.db, 'personal', verificationId) : undefined;
  if (change?.accountId === accountId && change.state === 'verifying') return changeLink.get().cancelChange(ctx, accountId, change.id);
  await ctx.db.transaction(async (tx) => {
    const row = await lockOwnPersonal(tx, accountId, verificationId);
    if (row.state === 'cancelled') return;
    await movePersonal(tx, row, 'cancel', now, { completedAt: now });
    await releaseAccountProcess(tx, accountId, row.id);
  });
}
