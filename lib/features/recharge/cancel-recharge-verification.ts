import type { Tx } from '@/db/client';
import { lockOpenRechargeOf } from '@/db/queries/recharges';
import type { EnterpriseVerificationRow } from '@/db/schema';
import { moveRecharge } from './recharge-verification-steps';

/**
 * Ends the enterprise verification's open recharge (修改企业名称, 更换其他认证方式, 撤销)
 * inside the caller's transaction, the enterprise row locked (leave-bank-method.ts). A
 * recharge can always be left: nothing was sent, and a transfer arriving later finds no
 * open recharge and is refunded.
 */
export async function cancelRechargeInTx(tx: Tx, enterprise: EnterpriseVerificationRow, now: Date): Promise<void> {
  const open = await lockOpenRechargeOf(tx, enterprise.id);
  if (open) await moveRecharge(tx, open, 'cancel', now, { completedAt: now }, enterprise.accountId);
}
