import type { Db } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { lockPersonalVerification, updatePersonalVerification } from '@/db/queries/personal-verifications';
import type { PersonalVerificationRow } from '@/db/schema';
import { auditTarget } from '@/lib/domain/audit';
import { personalTransition, type PersonalEvent } from '@/lib/domain/verification/personal-machine';
import { AppError } from '@/lib/errors';
import { countVerificationEnded } from '@/lib/ops/metrics';
import { changeLink } from '@/lib/features/verification';

type Changes = Parameters<typeof updatePersonalVerification>[2];

/**
 * Applies one event of the personal state table to a locked row, with its audit row.
 * A transition the table does not allow (a stale page, a step skipped) is refused.
 */
export async function movePersonal(
  tx: Db,
  row: PersonalVerificationRow,
  event: PersonalEvent,
  now: Date,
  changes: Changes = {},
  actorAccountId: string | null = row.accountId,
): Promise<PersonalVerificationRow> {
  const state = personalTransition(row.state, event);
  if (!state) throw new AppError('STEP_NOT_ALLOWED');
  const updated = await updatePersonalVerification(tx, row, { ...changes, state, updatedAt: now });
  if (!updated) throw new AppError('CONFLICT');
  await appendAudit(tx, {
    at: now,
    action: `personal_verification.${event}`,
    actorAccountId,
    accountId: row.accountId,
    target: auditTarget('personal_verification', row.id),
    data: { from: row.state, to: state },
  });
  // A verification linked to a change request that ends without success sends the request back to its new data.
  await changeLink.get().verificationEndedInTx(tx, 'personal', updated, now);
  if (updated.state === 'succeeded' || updated.state === 'failed' || updated.state === 'expired' || updated.state === 'cancelled') {
    countVerificationEnded('personal', updated.method, updated.state, event === 'abandon');
  }
  return updated;
}

/** Loads the account's verification FOR UPDATE inside `tx`; another account's id is NOT_FOUND (IDOR). */
export async function lockOwnPersonal(tx: Db, accountId: string, verificationId: string): Promise<PersonalVerificationRow> {
  const row = /^[0-9a-f-]{36}$/i.test(verificationId) ? await lockPersonalVerification(tx, accountId, verificationId) : undefined;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
