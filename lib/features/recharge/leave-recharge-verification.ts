import type { ServiceContext } from '../context';
import { lockOwnEnterprise, moveEnterprise } from '@/lib/features/enterprise';
import { leaveBankMethodInTx } from '@/lib/features/enterprise';

/**
 * 更换其他认证方式 on the recharge page: the recharge ends and the verification goes
 * back to step 2 (选择认证方式), its data kept. A second click changes nothing.
 */
export async function leaveRechargeVerification(ctx: ServiceContext, accountId: string, verificationId: string): Promise<void> {
  const now = await ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await lockOwnEnterprise(tx, accountId, verificationId);
    if (row.state !== 'awaiting_bank' || row.method !== 'recharge') return;
    await leaveBankMethodInTx(tx, row, now);
    await moveEnterprise(tx, row, 'bank_left', now);
  });
}
