import { findWebhookEndpoint, listWebhookDeliveries } from '@/db/queries/outbox';
import type { ServiceContext } from '../context';

/** The account's endpoint (the secret never again, only that one exists) and its recent deliveries. */
export async function getWebhookSettings(ctx: ServiceContext, accountId: string) {
  const [endpoint, deliveries] = await Promise.all([findWebhookEndpoint(ctx.db, accountId), listWebhookDeliveries(ctx.db, accountId)]);
  return {
    endpoint: endpoint ? { url: endpoint.url, updatedAt: endpoint.updatedAt } : null,
    deliveries: deliveries.map((d) => ({
      id: d.id,
      type: d.type,
      status: d.status,
      attempts: d.attempts,
      lastStatus: d.lastStatus,
      lastError: d.lastError,
      createdAt: d.createdAt,
      deliveredAt: d.deliveredAt,
      nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
    })),
  };
}
