import { parseCallbackBody, type CallbackBody, type CallbackChannel } from '@/lib/channels/events';
import type { PushedResults, ReceivedCallback, ReceivedEvent } from '@/lib/channels/ports';
import { verifyWebhookOnClock } from '@/lib/channels/webhook-verify';
import { channelSecret } from './secrets';

/**
 * The simulator's callbacks (docs/channel-protocol.md): Standard Webhooks signed with
 * the channel's secret, verified on the raw body before anything parses it (SECURITY
 * A1–A2); the body is `{type, data}` in the product's own event vocabulary, so parsing
 * is checking it against the channel's events. The delivery id is `webhook-id`.
 */
export function signedCallbacks<C extends CallbackChannel>(channel: C): PushedResults<CallbackBody<C>> {
  return {
    async receiveCallback(callback: ReceivedCallback): Promise<ReceivedEvent<CallbackBody<C>>> {
      const verdict = await verifyWebhookOnClock({ secret: channelSecret(channel), headers: callback.headers, rawBody: callback.rawBody, clock: callback.clock });
      if (!verdict.ok) return { ok: false, problem: 'bad_signature', reason: verdict.reason };
      const event = parseCallbackBody(channel, callback.rawBody);
      if (!event) return { ok: false, problem: 'bad_payload', reason: 'schema' };
      return { ok: true, deliveryId: verdict.id, event };
    },
  };
}
