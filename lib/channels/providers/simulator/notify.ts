import { z } from 'zod';
import type { ChannelTransport } from '@/lib/channels/http-client';
import type { OutgoingMessage } from '@/lib/channels/ports';
import { requestChannel } from './http-client';

/**
 * Hands one message to the notification channel; the outbox saves the key first, so a
 * redelivery is not a second message. The protocol's fields only (docs/channel-protocol.md):
 * the simulator sends the text, not a template.
 */
export function sendMessage(message: OutgoingMessage, idempotencyKey: string, transport?: ChannelTransport) {
  const { reference, kind, to, subject, body } = message;
  return requestChannel(
    {
      channel: 'notify',
      operation: 'send_message',
      method: 'POST',
      path: 'messages',
      body: { reference, kind, to, ...(subject === undefined ? {} : { subject }), body },
      idempotencyKey,
      answer: z.object({ messageId: z.string().min(1) }),
    },
    transport,
  );
}
