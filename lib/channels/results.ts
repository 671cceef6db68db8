import type { CallbackBody, CallbackChannel } from './events';
import type { PulledResults, PushedResults } from './ports';
import { channelPort } from './resolve';

/**
 * How the configured provider of a channel settles its results: the receiver of its
 * pushed callbacks, or null when it pushes none (its callback route answers 404) …
 */
export function callbackReceiver<C extends CallbackChannel>(channel: C): PushedResults<CallbackBody<C>> | null {
  const port = channelPort(channel) as Partial<PushedResults<CallbackBody<C>>>;
  return port.receiveCallback ? { receiveCallback: port.receiveCallback.bind(port) } : null;
}

/** … and the fetcher of its results by token, or null when it only pushes. */
export function resultFetcher<C extends 'wechat' | 'qq' | 'face' | 'oa'>(channel: C): PulledResults<CallbackBody<C>> | null {
  const port = channelPort(channel) as Partial<PulledResults<CallbackBody<C>>>;
  return port.fetchResult ? { fetchResult: port.fetchResult.bind(port) } : null;
}
