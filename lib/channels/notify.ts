import type { ChannelTransport } from './http-client';
import type { OutgoingMessage } from './ports';
import { channelPort } from './resolve';

export type { OutgoingMessage };

/** Hands one message to the notification channel's provider; the outbox saves the key first, so a redelivery is not a second message. */
export function sendMessage(message: OutgoingMessage, idempotencyKey: string, transport?: ChannelTransport) {
  return channelPort('notify').sendMessage(message, idempotencyKey, transport);
}
