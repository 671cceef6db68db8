import { createHmac } from 'node:crypto';
import { env, type Env } from '@/lib/env';
import type { Channel } from '@/lib/channels/names';

const SECRET_ENV: Record<Channel, keyof Env> = {
  wechat: 'WEBHOOK_SECRET_WECHAT',
  qq: 'WEBHOOK_SECRET_QQ',
  face: 'WEBHOOK_SECRET_FACE',
  oa: 'WEBHOOK_SECRET_OA',
  registry: 'WEBHOOK_SECRET_REGISTRY',
  bank: 'WEBHOOK_SECRET_BANK',
  notify: 'WEBHOOK_SECRET_NOTIFY',
};

const PREFIX = 'whsec_';

// Keyed by the parsed environment: a test that changes it (resetEnvCache) gets a new object.
const derived = new WeakMap<Env, Map<Channel, string>>();

/**
 * The one secret of `channel` (docs/channel-protocol.md): the bearer key of our
 * requests to it and the signing secret of its callbacks to us. Unset in the
 * environment, it is derived from NEXTAUTH_SECRET the same way the other party
 * derives it, so a demo needs no configuration and every channel's secret differs.
 */
export function channelSecret(channel: Channel, e: Env = env()): string {
  const configured = e[SECRET_ENV[channel]];
  if (typeof configured === 'string') return configured;
  // Derived once per environment: every callback needs it (issue 19 measured the HMAC per request).
  let byChannel = derived.get(e);
  if (!byChannel) derived.set(e, (byChannel = new Map()));
  let secret = byChannel.get(channel);
  if (secret === undefined) {
    secret = PREFIX + createHmac('sha256', e.NEXTAUTH_SECRET).update(`channel-secret:${channel}`).digest('base64');
    byChannel.set(channel, secret);
  }
  return secret;
}
