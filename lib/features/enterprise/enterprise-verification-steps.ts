import { isUuid } from '@/lib/schemas/uuid';
import type { Db } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { lockEnterpriseVerification, updateEnterpriseVerification } from '@/db/queries/enterprise-verifications';
import type { EnterpriseVerificationRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { enterpriseTransition, type EnterpriseEvent } from '@/lib/domain/verification/enterprise-machine';
import { AppError } from '@/lib/errors';
import { countVerificationEnded } from '@/lib/ops/metrics';
import { changeLink } from '@/lib/features/verification';

type Changes = Parameters<typeof updateEnterpriseVerification>[2];




/**
 * Applies one event of the enterprise state table to a locked row, with its audit row.
 * A transition the table does not allow (a stale page, a step skipped) is refused.
 */
export async function moveEnterprise(
  tx: Db,
  row: EnterpriseVerificationRow,
  event: EnterpriseEvent,
  now: Date,
  changes: Changes = {},
  actorAccountId: string | null = row.accountId,
): Promise<EnterpriseVerificationRow> {
  const state = enterpriseTransition(row.state, event);
  if (!state) throw new AppError('STEP_NOT_ALLOWED');
  const updated = await updateEnterpriseVerification(tx, row, { ...changes, state, updatedAt: now });
  if (!updated) throw new AppError('CONFLICT');
  await appendAudit(tx, {
    at: now,
    action: `enterprise_verification.${event}`,
    actorAccountId,
    accountId: row.accountId,
    target: auditTarget('enterprise_verification', row.id),
    data: { from: row.state, to: state, ...(changes.method ? { method: changes.method } : {}), ...(changes.failureCode ? { failure: changes.failureCode } : {}) },
  });
  // A verification linked to a change request that ends without success sends the request back to its new data.
  await changeLink.get().verificationEndedInTx(tx, 'enterprise', updated, now);
  if (updated.state === 'succeeded' || updated.state === 'failed' || updated.state === 'expired' || updated.state === 'cancelled') {
    countVerificationEnded('enterprise', updated.method, updated.state, event === 'abandon');
  }
  return updated;
}

/** Loads the account's verification FOR UPDATE inside `tx`; another account's id is NOT_FOUND (IDOR). */
export async function lockOwnEnterprise(tx: Db, accountId: string, verificationId: string): Promise<EnterpriseVerificationRow> {
  const row = isUuid(verificationId) ? await lockEnterpriseVerification(tx, accountId, verificationId) : undefined;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
