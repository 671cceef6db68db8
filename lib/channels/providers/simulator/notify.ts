import { z } from 'zod';
import type { ChannelTransport } from '@/lib/channels/http-client';
import type { OutgoingMessage } from '@/lib/channels/ports';
import { requestChannel } from './http-client';

/** Hands one message to the notification channel; the outbox saves the key first, so a redelivery is not a second message. */
export function sendMessage(message: OutgoingMessage, idempotencyKey: string, transport?: ChannelTransport) {
  return requestChannel(
    { channel: 'notify', operation: 'send_message', method: 'POST', path: 'messages', body: message, idempotencyKey, answer: z.object({ messageId: z.string().min(1) }) },
    transport,
  );
}
