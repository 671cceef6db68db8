import { env, type Env } from '@/lib/env';
import type { Channel } from './names';
import type { ChannelPorts, ChannelProvider, NotifyPort } from './ports';
import { simulatorProvider } from './providers/simulator';
import { tencentcloudProvider } from './providers/tencentcloud';

/**
 * Which provider serves a channel: `CHANNEL_<NAME>_PROVIDER` (lib/env.ts; `simulator`
 * unless set). The one place that knows the provider folders — the product imports
 * the port (./ports.ts) and this resolver, never a provider (eslint.config.mjs).
 * A new provider is one folder under ./providers, one line in BUILT_IN and one
 * configuration value (docs/channel-protocol.md).
 */
const BUILT_IN: Readonly<Record<string, ChannelProvider>> = {
  simulator: simulatorProvider,
  tencentcloud: tencentcloudProvider,
};

const PROVIDER_ENV: Record<Channel, keyof Env> = {
  wechat: 'CHANNEL_WECHAT_PROVIDER',
  qq: 'CHANNEL_QQ_PROVIDER',
  face: 'CHANNEL_FACE_PROVIDER',
  oa: 'CHANNEL_OA_PROVIDER',
  registry: 'CHANNEL_REGISTRY_PROVIDER',
  bank: 'CHANNEL_BANK_PROVIDER',
  notify: 'CHANNEL_NOTIFY_PROVIDER',
};

// Providers plugged in from outside this folder (a test's, a deployment's own adapter module).
const plugged = new Map<string, ChannelProvider>();

/** The configured provider names an operator gets wrong: which variable, which value (never a secret). */
export class ChannelProviderConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly value: string,
    problem: 'unknown_provider' | 'channel_not_served' | 'no_way_to_settle',
  ) {
    super(`${variable}=${value}: ${problem}`);
    this.name = 'ChannelProviderConfigError';
  }
}

/**
 * Makes a provider selectable by its name. Built-in names cannot be replaced; plugging
 * the same name again replaces the earlier one (a test file re-running its setup).
 */
export function plugChannelProvider(provider: ChannelProvider): () => void {
  if (Object.hasOwn(BUILT_IN, provider.name)) throw new Error(`${provider.name} is a built-in channel provider`);
  plugged.set(provider.name, provider);
  return () => {
    if (plugged.get(provider.name) === provider) plugged.delete(provider.name);
  };
}

const SESSION_CHANNELS = new Set<Channel>(['wechat', 'qq', 'face', 'oa']);

function providerNamed(variable: string, name: string): ChannelProvider {
  const provider = plugged.get(name) ?? (Object.hasOwn(BUILT_IN, name) ? BUILT_IN[name] : undefined);
  if (!provider) throw new ChannelProviderConfigError(variable, name, 'unknown_provider');
  return provider;
}

/** The port serving `channel` under the current configuration; throws ChannelProviderConfigError when it cannot. */
export function channelPort<C extends Channel>(channel: C, e: Env = env()): ChannelPorts[C] {
  const variable = PROVIDER_ENV[channel];
  const name = String(e[variable]);
  const provider = providerNamed(variable, name);
  const port = provider.ports[channel] as ChannelPorts[C] | undefined;
  if (!port) throw new ChannelProviderConfigError(variable, name, 'channel_not_served');
  if (SESSION_CHANNELS.has(channel) && !('receiveCallback' in port) && !('fetchResult' in port)) {
    throw new ChannelProviderConfigError(variable, name, 'no_way_to_settle');
  }
  return port;
}

/**
 * The notify channel's port for one kind of message: SMS by `CHANNEL_NOTIFY_SMS_PROVIDER`
 * when it is set (Tencent Cloud SMS beside the simulator's e-mail and WeChat), everything
 * else — and SMS when it is unset — by `CHANNEL_NOTIFY_PROVIDER`.
 */
export function notifyPort(kind: 'email' | 'sms' | 'wechat', e: Env = env()): NotifyPort {
  const name = e.CHANNEL_NOTIFY_SMS_PROVIDER;
  if (kind !== 'sms' || name === undefined) return channelPort('notify', e);
  const provider = providerNamed('CHANNEL_NOTIFY_SMS_PROVIDER', name);
  const port = provider.sms ?? provider.ports.notify;
  if (!port) throw new ChannelProviderConfigError('CHANNEL_NOTIFY_SMS_PROVIDER', name, 'channel_not_served');
  return port;
}

/**
 * Resolves every channel once (start-up): a misconfigured provider stops the process with
 * its variable's name, and a chosen provider missing its own variables (Tencent Cloud's
 * keys, RuleId…) with theirs.
 */
export function checkChannelProviders(e: Env = env()): void {
  for (const channel of Object.keys(PROVIDER_ENV) as Channel[]) {
    channelPort(channel, e);
    providerNamed(PROVIDER_ENV[channel], String(e[PROVIDER_ENV[channel]])).checkConfiguration?.(channel, e);
  }
  notifyPort('sms', e);
  if (e.CHANNEL_NOTIFY_SMS_PROVIDER !== undefined) providerNamed('CHANNEL_NOTIFY_SMS_PROVIDER', e.CHANNEL_NOTIFY_SMS_PROVIDER).checkConfiguration?.('sms', e);
}
