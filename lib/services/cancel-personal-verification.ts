import { releaseAccountProcess } from '@/db/queries/subjects';
import type { ServiceContext } from './context';
import { lockOwnPersonal, movePersonal } from './personal-verification-steps';

/** 撤销: ends the unfinished verification and frees the account for another (R-LIM-9). */
export async function cancelPersonalVerification(ctx: ServiceContext, accountId: string, verificationId: string) {
  const now = await ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await lockOwnPersonal(tx, accountId, verificationId);
    if (row.state === 'cancelled') return;
    await movePersonal(tx, row, 'cancel', now, { completedAt: now });
    await releaseAccountProcess(tx, accountId, row.id);
  });
}
