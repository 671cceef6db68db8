import { appendAudit } from '@/db/queries/audit';
import { requeueWebhookDelivery } from '@/db/queries/outbox';
import { auditTarget } from '@/lib/domain/audit';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '../context';

/** 重新发送: queues a delivered or failed event of the account again, under the same webhook-id. Another account's id is NOT_FOUND. */
export async function resendWebhookDelivery(ctx: ServiceContext, accountId: string, deliveryId: string): Promise<void> {
  const now = await ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await requeueWebhookDelivery(tx, accountId, deliveryId, now))) throw new AppError('NOT_FOUND');
    await appendAudit(tx, { at: now, action: 'webhook_delivery.resent', actorAccountId: accountId, accountId, target: auditTarget('webhook_delivery', deliveryId) });
  });
}
