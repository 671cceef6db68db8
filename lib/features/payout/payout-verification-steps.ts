import type { Db } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { updatePayoutVerification } from '@/db/queries/payouts';
import type { PayoutVerificationRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { payoutTransition, type PayoutEvent } from '@/lib/domain/verification/payout-machine';
import { AppError } from '@/lib/errors';

type Changes = Parameters<typeof updatePayoutVerification>[2];


/**
 * Applies one event of the payout state table to a locked row, with its audit row. A
 * transition the table does not allow (a stale page, a step skipped, a late callback) is
 * refused with STEP_NOT_ALLOWED; callers that must ignore it check payoutTransition first.
 */
export async function movePayout(
  tx: Db,
  row: PayoutVerificationRow,
  event: PayoutEvent,
  now: Date,
  changes: Changes = {},
  actorAccountId: string | null = row.accountId,
): Promise<PayoutVerificationRow> {
  const state = payoutTransition(row.state, event);
  if (!state) throw new AppError('STEP_NOT_ALLOWED');
  const updated = await updatePayoutVerification(tx, row, { ...changes, state, updatedAt: now });
  if (!updated) throw new AppError('CONFLICT');
  await appendAudit(tx, {
    at: now,
    action: `payout_verification.${event}`,
    actorAccountId,
    accountId: row.accountId,
    target: auditTarget('payout_verification', row.id),
    data: { from: row.state, to: state, ...(changes.failureCode ? { failure: changes.failureCode } : {}) },
  });
  return updated;
}
