import { performance } from 'node:perf_hooks';
import { isCallbackChannel, type CallbackChannel } from '@/lib/channels/events';
import { callbackReceiver } from '@/lib/channels/results';
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
 * Pushed results of a channel (docs/channel-protocol.md, SECURITY A1–A6): the provider
 * configured for the channel verifies the signature on the raw body and parses it into
 * one product event → store → 204; the event is then applied in this process's next
 * batch (docs/decisions/0035). Authorises by itself: the provider's signature is the only
 * credential. A channel whose provider pushes nothing (its results are pulled) has no
 * callbacks: 404. Every answer carries the request id its log lines carry (x-request-id).
 */
export async function POST(req: Request, { params }: { params: Promise<{ channel: string }> }) {
  const requestId = requestIdFrom(req.headers);
  const response = await withRequestId(requestId, async () => {
    const { channel } = await params;
    // An unknown channel's name is the caller's input: neither logged nor a metric label.
    if (!isCallbackChannel(channel)) return errorResponse('NOT_FOUND');
    const receiver = callbackReceiver(channel);
    if (!receiver) return errorResponse('NOT_FOUND');
    const started = performance.now();
    const { outcome, response } = await receive(req, channel, receiver);
    metrics.callbacksReceived.inc({ channel, outcome });
    log.info({ event: 'callback.received', channel, outcome, status: response.status, ms: Math.round(performance.now() - started) });
    return response;
  });
  response.headers.set('x-request-id', requestId);
  return response;
}

async function receive(
  req: Request,
  channel: CallbackChannel,
  receiver: NonNullable<ReturnType<typeof callbackReceiver>>,
): Promise<{ outcome: Outcome; response: Response }> {
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return { outcome: 'too_large', response: errorResponse('CALLBACK_TOO_LARGE') };

  // The signature covers these exact bytes: read them before anything parses them.
  const read = await readCappedBody(req, MAX_BODY_BYTES);
  if (!read.ok) return { outcome: 'too_large', response: errorResponse('CALLBACK_TOO_LARGE') };
  const raw = read.text;

  const ctx = await getServiceContext();
  const received = await receiver.receiveCallback({ headers: req.headers, rawBody: raw, clock: ctx.clock });
  if (!received.ok) {
    await recordRejectedCallback(ctx, { channel, problem: received.problem, reason: received.reason });
    return received.problem === 'bad_signature'
      ? { outcome: 'bad_signature', response: errorResponse('CALLBACK_SIGNATURE_INVALID') }
      : { outcome: 'bad_payload', response: errorResponse('CALLBACK_PAYLOAD_INVALID') };
  }

  // Stored before it is acknowledged, and acknowledged before it is processed (docs/decisions/0035): once
  // stored, the event is ours — this process applies it next, or the retry job later, exactly once.
  const { duplicate } = await recordChannelEvent(ctx, { channel, webhookId: received.deliveryId, body: received.event }, { until: 'stored' });
  return { outcome: duplicate ? 'duplicate' : 'accepted', response: new Response(null, { status: 204 }) };
}
