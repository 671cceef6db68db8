import type { ServiceContext } from '../context';
import { lockOwnPersonal, movePersonal } from './personal-verification-steps';

/** 确定 in the confirmation dialog: the data of step 1 is final, step 2 may begin. */
export async function confirmPersonalVerification(ctx: ServiceContext, accountId: string, verificationId: string) {
  const now = await ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await lockOwnPersonal(tx, accountId, verificationId);
    if (row.state === 'confirmed') return; // a double click
    await movePersonal(tx, row, 'confirm', now);
  });
}
