import type { Tx } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { lockEnterpriseVerificationById } from '@/db/queries/enterprise-verifications';
import { lockRecharge, updateRecharge } from '@/db/queries/recharges';
import type { EnterpriseVerificationRow, RechargeVerificationRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import type { EnterpriseFailure } from '@/lib/domain/verification/enterprise-outcome';
import { rechargeTransition, type RechargeEvent } from '@/lib/domain/verification/recharge-machine';
import { failEnterprise } from '@/lib/features/enterprise';


/**
 * Applies one event of the recharge state table to a locked row, with its audit row. A
 * transition the table does not allow answers undefined and changes nothing: the
 * callers decide on a row they locked, so this only happens to a stale decision.
 */
export async function moveRecharge(
  tx: Tx,
  row: RechargeVerificationRow,
  event: RechargeEvent,
  now: Date,
  changes: Partial<Pick<RechargeVerificationRow, 'chancesUsed' | 'failureCode' | 'completedAt'>> = {},
  actorAccountId: string | null = null,
  data: Record<string, unknown> = {},
): Promise<RechargeVerificationRow | undefined> {
  const state = rechargeTransition(row.state, event);
  if (!state) return undefined;
  const updated = await updateRecharge(tx, row.id, { ...changes, state, updatedAt: now });
  await appendAudit(tx, {
    at: now,
    action: `recharge_verification.${event}`,
    actorAccountId,
    accountId: row.accountId,
    target: auditTarget('recharge_verification', row.id),
    data: { from: row.state, to: state, chancesUsed: updated.chancesUsed, ...data },
  });
  return updated;
}

/**
 * Locks, in the one order every path takes (verification, then recharge — as cancel and
 * 修改企业名称 do), the enterprise verification of a recharge and then the recharge.
 */
export async function lockRechargeWithVerification(tx: Tx, recharge: Pick<RechargeVerificationRow, 'id' | 'enterpriseVerificationId'>) {
  const enterprise = await lockEnterpriseVerificationById(tx, recharge.enterpriseVerificationId);
  const locked = await lockRecharge(tx, recharge.id);
  return { enterprise, recharge: locked };
}

/**
 * Ends the recharge's enterprise verification (locked by the caller) as failed (chances
 * used, or expired), when it is still the one waiting for this recharge.
 */
export async function failRechargeEnterprise(tx: Tx, enterprise: EnterpriseVerificationRow | undefined, failure: EnterpriseFailure, now: Date): Promise<void> {
  if (!enterprise || enterprise.state !== 'awaiting_bank' || enterprise.method !== 'recharge') return;
  await failEnterprise(tx, enterprise, 'bank_failed', failure, now);
}
