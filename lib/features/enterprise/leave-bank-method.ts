import type { Tx } from '@/db/client';
import type { EnterpriseVerificationRow } from '@/db/schema';
import { isBankMethod, type BankMethod } from '@/lib/domain/verification/enterprise-methods';
import { plugPoint } from '../plug';

export type LeaveBankMethod = (tx: Tx, enterprise: EnterpriseVerificationRow, now: Date) => Promise<void>;

/** How each bank method is left: the recharge and payout modules plug their cancellations in (wiring.ts). */
export const bankMethodLeavers = plugPoint<Record<BankMethod, LeaveBankMethod>>('enterprise: bank method leavers');

/**
 * Ends the running recharge or payout of an enterprise verification in `awaiting_bank`
 * (inside the caller's transaction, the enterprise row locked), when the user edits
 * step 1 (修改企业名称), chooses another method or cancels. Throws STEP_NOT_ALLOWED when
 * the bank method cannot be left now (an approved payout runs to its end, R-E-PAY).
 * Does nothing for a verification that is not in a bank method.
 */
export async function leaveBankMethodInTx(tx: Tx, enterprise: EnterpriseVerificationRow, now: Date): Promise<void> {
  if (enterprise.state !== 'awaiting_bank' || !isBankMethod(enterprise.method)) return;
  await bankMethodLeavers.get()[enterprise.method](tx, enterprise, now);
}
