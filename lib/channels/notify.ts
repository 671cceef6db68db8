import type { ChannelTransport } from './http-client';
import type { OutgoingMessage } from './ports';
import { notifyPort } from './resolve';

export type { OutgoingMessage };

/**
 * Hands one message to the notification channel's provider — for an SMS, the SMS
 * provider's when one is configured (CHANNEL_NOTIFY_SMS_PROVIDER); the outbox saves the
 * key first, so a redelivery is not a second message.
 */
export function sendMessage(message: OutgoingMessage, idempotencyKey: string, transport?: ChannelTransport) {
  return notifyPort(message.kind).sendMessage(message, idempotencyKey, transport);
}
