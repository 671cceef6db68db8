import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { findWebhookEndpoint, insertWebhookDelivery } from '@/db/queries/outbox';
import type { WebhookEventType } from '@/lib/domain/notifications';

/**
 * Queues an event for the account's integrator endpoint, if it registered one (SPEC §13),
 * in `tx` — the transaction of the change it reports. `data` carries ids, states and
 * masked values only. The id is the `webhook-id`: the same on every try, so the
 * integrator can drop a repeat.
 */
export async function emitWebhookEvent(tx: Db, accountId: string, type: WebhookEventType, data: Record<string, unknown>, now: Date): Promise<void> {
  const endpoint = await findWebhookEndpoint(tx, accountId);
  if (!endpoint) return;
  await insertWebhookDelivery(tx, { id: `msg_${randomUUID().replaceAll('-', '')}`, accountId, url: endpoint.url, type, data, createdAt: now, nextAttemptAt: now });
}
