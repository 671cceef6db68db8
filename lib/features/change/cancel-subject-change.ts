import { findChangeRequest } from '@/db/queries/change-requests';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/schemas/uuid';
import type { ServiceContext } from '../context';
import { emitWebhookEvent } from '@/lib/features/notifications';
import { endChangeRequestInTx } from './end-change-request';
import { notifyAccount } from '@/lib/features/notifications';

/**
 * 撤销 (R-CHG-3), at any step until completion: the request ends and closes what it
 * opened (end-change-request.ts); the owner is told and `change.cancelled` queued. A
 * completed request cannot be cancelled (STEP_NOT_ALLOWED); cancelling twice is a no-op.
 */
export async function cancelSubjectChange(ctx: ServiceContext, accountId: string, changeId: string): Promise<void> {
  const now = await ctx.clock.now();
  const seen = isUuid(changeId) ? await findChangeRequest(ctx.db, accountId, changeId) : undefined;
  if (!seen) throw new AppError('NOT_FOUND');
  await ctx.db.transaction(async (tx) => {
    const result = await endChangeRequestInTx(tx, seen, 'cancel', now, accountId);
    if (!result) return;
    await notifyAccount(tx, accountId, { kind: 'change_cancelled' }, now);
    await emitWebhookEvent(tx, accountId, 'change.cancelled', { changeRequestId: seen.id, type: result.ended.type, state: result.from }, now);
  });
}
