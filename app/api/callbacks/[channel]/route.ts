import { performance } from 'node:perf_hooks';
import { isCallbackChannel, parseCallbackBody, type CallbackChannel } from '@/lib/channels/callback-events';
import { channelSecret } from '@/lib/channels/secrets';
import { verifyWebhookOnClock } from '@/lib/channels/webhook-verify';
import { errorResponse } from '@/lib/errors';
import { log } from '@/lib/ops/log';
import { metrics } from '@/lib/ops/metrics';
import { requestIdFrom, withRequestId } from '@/lib/ops/request-context';
import { readCappedBody } from '@/lib/http/read-capped-body';
import { getServiceContext } from '@/lib/features/runtime';
import { recordChannelEvent } from '@/lib/features/channels';
import { recordRejectedCallback } from '@/lib/features/channels';

// Callbacks are small JSON documents; anything bigger is not one.
const MAX_BODY_BYTES = 64 * 1024;

type Outcome = 'accepted' | 'duplicate' | 'bad_signature' | 'bad_payload' | 'too_large';

/**
 * Signed callbacks from a channel (docs/channel-protocol.md, SECURITY A1–A6):
 * raw body → verify → parse → store and process → 204. Authorises by itself: the
 * signature made with this channel's secret is the only credential. Every answer
 * carries the request id its log lines carry (x-request-id).
 */
export async function POST(req: Request, { params }: { params: Promise<{ channel: string }> }) {
  const requestId = requestIdFrom(req.headers);
  const response = await withRequestId(requestId, async () => {
    const { channel } = await params;
    // An unknown channel's name is the caller's input: neither logged nor a metric label.
    if (!isCallbackChannel(channel)) return errorResponse('NOT_FOUND');
    const started = performance.now();
    const { outcome, response } = await receive(req, channel);
    metrics.callbacksReceived.inc({ channel, outcome });
    log.info({ event: 'callback.received', channel, outcome, status: response.status, ms: Math.round(performance.now() - started) });
    return response;
  });
  response.headers.set('x-request-id', requestId);
  return response;
}

async function receive(req: Request, channel: CallbackChannel): Promise<{ outcome: Outcome; response: Response }> {
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return { outcome: 'too_large', response: errorResponse('CALLBACK_TOO_LARGE') };

  // The signature covers these exact bytes: read them before anything parses them.
  const read = await readCappedBody(req, MAX_BODY_BYTES);
  if (!read.ok) return { outcome: 'too_large', response: errorResponse('CALLBACK_TOO_LARGE') };
  const raw = read.text;

  const ctx = await getServiceContext();
  const verdict = await verifyWebhookOnClock({ secret: channelSecret(channel), headers: req.headers, rawBody: raw, clock: ctx.clock });
  if (!verdict.ok) {
    await recordRejectedCallback(ctx, { channel, problem: 'bad_signature', reason: verdict.reason });
    return { outcome: 'bad_signature', response: errorResponse('CALLBACK_SIGNATURE_INVALID') };
  }

  const body = parseCallbackBody(channel, raw);
  if (!body) {
    await recordRejectedCallback(ctx, { channel, problem: 'bad_payload', reason: 'schema' });
    return { outcome: 'bad_payload', response: errorResponse('CALLBACK_PAYLOAD_INVALID') };
  }

  // Stored before it is processed: once this returns, the event is ours (even if processing must be retried).
  const { duplicate } = await recordChannelEvent(ctx, { channel, webhookId: verdict.id, body });
  return { outcome: duplicate ? 'duplicate' : 'accepted', response: new Response(null, { status: 204 }) };
}
