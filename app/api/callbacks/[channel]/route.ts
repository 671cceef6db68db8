import { isCallbackChannel, parseCallbackBody } from '@/lib/channels/callback-events';
import { channelSecret } from '@/lib/channels/secrets';
import { verifyWebhook } from '@/lib/channels/webhook-verify';
import { errorResponse } from '@/lib/errors';
import { readCappedBody } from '@/lib/http/read-capped-body';
import { getServiceContext } from '@/lib/services/context';
import { recordChannelEvent } from '@/lib/services/record-channel-event';
import { recordRejectedCallback } from '@/lib/services/record-rejected-callback';

// Callbacks are small JSON documents; anything bigger is not one.
const MAX_BODY_BYTES = 64 * 1024;

/**
 * Signed callbacks from a channel (docs/channel-protocol.md, SECURITY A1–A6):
 * raw body → verify → parse → store and process → 204. Authorises by itself: the
 * signature made with this channel's secret is the only credential.
 */
export async function POST(req: Request, { params }: { params: Promise<{ channel: string }> }) {
  const { channel } = await params;
  if (!isCallbackChannel(channel)) return errorResponse('NOT_FOUND');
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return errorResponse('CALLBACK_TOO_LARGE');

  // The signature covers these exact bytes: read them before anything parses them.
  const read = await readCappedBody(req, MAX_BODY_BYTES);
  if (!read.ok) return errorResponse('CALLBACK_TOO_LARGE');
  const raw = read.text;

  const ctx = await getServiceContext();
  const verdict = verifyWebhook({ secret: channelSecret(channel), headers: req.headers, rawBody: raw, now: await ctx.clock.now() });
  if (!verdict.ok) {
    await recordRejectedCallback(ctx, { channel, problem: 'bad_signature', reason: verdict.reason });
    return errorResponse('CALLBACK_SIGNATURE_INVALID');
  }

  const body = parseCallbackBody(channel, raw);
  if (!body) {
    await recordRejectedCallback(ctx, { channel, problem: 'bad_payload', reason: 'schema' });
    return errorResponse('CALLBACK_PAYLOAD_INVALID');
  }

  // Stored before it is processed: once this returns, the event is ours (even if processing must be retried).
  await recordChannelEvent(ctx, { channel, webhookId: verdict.id, body });
  return new Response(null, { status: 204 });
}
