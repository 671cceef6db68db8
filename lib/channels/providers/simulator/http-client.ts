import { z } from 'zod';
import { ChannelFailure, CHANNEL_TIMEOUT_MS, withTimeout, type ChannelFailureKind, type ChannelTransport } from '@/lib/channels/http-client';
import type { Channel } from '@/lib/channels/names';
import { env, type Env } from '@/lib/env';
import { channelSecret } from './secrets';

const BASE_URL_ENV: Record<Channel, keyof Env> = {
  wechat: 'CHANNEL_WECHAT_URL',
  qq: 'CHANNEL_QQ_URL',
  face: 'CHANNEL_FACE_URL',
  oa: 'CHANNEL_OA_URL',
  registry: 'CHANNEL_REGISTRY_URL',
  bank: 'CHANNEL_BANK_URL',
  notify: 'CHANNEL_NOTIFY_URL',
};

/** `CHANNEL_<NAME>_URL`, defaulting to the built-in simulator of the channel. */
export function channelBaseUrl(channel: Channel, e: Env = env()): string {
  const configured = e[BASE_URL_ENV[channel]];
  const base = typeof configured === 'string' ? configured : `${e.APP_URL}/api/sim/providers/${channel}`;
  return base.replace(/\/+$/, '');
}

/** Where a channel posts its callbacks for us. */
export function callbackUrl(channel: Channel, e: Env = env()): string {
  return `${e.APP_URL.replace(/\/+$/, '')}/api/callbacks/${channel}`;
}

const providerErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string().optional(), field: z.string().optional() }),
});

export interface ChannelRequest<S extends z.ZodType> {
  channel: Channel;
  /** A stable name of the call, e.g. `open_session` (logs, channel_requests). */
  operation: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** Required for every request with an effect (docs/channel-protocol.md). */
  idempotencyKey?: string;
  answer: S;
}

/**
 * One JSON request to a channel: bearer secret, idempotency key, 5 s timeout, and an
 * answer parsed with zod. Anything but a parseable 2xx is a ChannelFailure.
 */
export async function requestChannel<S extends z.ZodType>(request: ChannelRequest<S>, transport: ChannelTransport = {}): Promise<z.output<S>> {
  const fail = (kind: ChannelFailureKind, info?: ChannelFailure['info']) => new ChannelFailure(request.channel, request.operation, kind, info);
  const headers: Record<string, string> = {
    accept: 'application/json',
    authorization: `Bearer ${channelSecret(request.channel)}`,
  };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;

  let status: number;
  let text: string;
  try {
    const response = await (transport.fetch ?? fetch)(`${channelBaseUrl(request.channel)}/${request.path.replace(/^\/+/, '')}`, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      // The bearer secret must never follow a redirect to another host.
      redirect: 'error',
      // Covers the body too: a provider that stalls mid-answer times out as well.
      signal: withTimeout(transport.timeoutMs ?? CHANNEL_TIMEOUT_MS, transport.signal),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    throw fail(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'unavailable');
  }

  if (status >= 500) throw fail('unavailable', { httpStatus: status });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw fail(status >= 400 ? 'rejected' : 'bad_response', { httpStatus: status });
  }
  if (status >= 400) {
    const parsed = providerErrorSchema.safeParse(json);
    throw fail('rejected', { httpStatus: status, providerCode: parsed.data?.error.code, providerField: parsed.data?.error.field });
  }
  if (status < 200 || status >= 300) throw fail('bad_response', { httpStatus: status });
  const parsed = request.answer.safeParse(json);
  if (!parsed.success) throw fail('bad_response', { httpStatus: status });
  return parsed.data;
}
