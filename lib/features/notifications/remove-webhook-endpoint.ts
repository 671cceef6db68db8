import { appendAudit } from '@/db/queries/audit';
import { deleteWebhookEndpoint } from '@/db/queries/outbox';
import type { ServiceContext } from '../context';

/** Removes the endpoint: nothing more is queued for it (deliveries already queued fail as `endpoint removed`). */
export async function removeWebhookEndpoint(ctx: ServiceContext, accountId: string): Promise<void> {
  const now = await ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await deleteWebhookEndpoint(tx, accountId);
    await appendAudit(tx, { at: now, action: 'webhook_endpoint.removed', actorAccountId: accountId, accountId });
  });
}
