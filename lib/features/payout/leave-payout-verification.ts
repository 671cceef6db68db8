import { leaveBankMethodInTx } from '@/lib/features/enterprise';
import type { ServiceContext } from '../context';
import { lockOwnEnterprise, moveEnterprise } from '@/lib/features/enterprise';
import { AppError } from '@/lib/errors';

/**
 * 撤销审核 and 更换其他认证方式 (R-E-PAY 3): the payout run is cancelled (with its review
 * case) and the enterprise verification goes back to choosing a method (bank_left), its
 * step-1 data kept. Refused once the payout was approved (cancelPayoutInTx).
 */
export async function leavePayoutVerification(ctx: ServiceContext, accountId: string, verificationId: string): Promise<void> {
  const now = await ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await lockOwnEnterprise(tx, accountId, verificationId);
    if (row.state !== 'awaiting_bank' || row.method !== 'payout') throw new AppError('STEP_NOT_ALLOWED');
    await leaveBankMethodInTx(tx, row, now);
    await moveEnterprise(tx, row, 'bank_left', now, { method: null });
  });
}
