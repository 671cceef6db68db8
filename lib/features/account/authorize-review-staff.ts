import type { Db } from '@/db/client';
import { findAccountById } from '@/db/queries/accounts';
import { appendAudit } from '@/db/queries/audit';
import { isRoleIn, type StaffRole } from '@/lib/domain/review/staff';
import { AppError } from '@/lib/errors';

/**
 * The back office's own role check (SECURITY 10, ARCHITECTURE rule 4): the actor's role
 * as the database says now — not as a caller, a session token or a page believed it. A
 * refusal is audited and reads FORBIDDEN.
 */
export async function authorizeReviewStaff(db: Db, actorAccountId: string, roles: readonly StaffRole[], now: Date, action: string): Promise<{ accountId: string; role: StaffRole }> {
  const actor = await findAccountById(db, actorAccountId);
  if (!actor || !isRoleIn(actor.role, roles)) {
    await appendAudit(db, {
      at: now,
      action: 'authorization.refused',
      actorAccountId: actor ? actorAccountId : null,
      accountId: actor ? actorAccountId : null,
      data: { reason: 'FORBIDDEN', attempted: action },
    });
    throw new AppError('FORBIDDEN');
  }
  return { accountId: actor.id, role: actor.role };
}
