import type { IdType, OpenedSession, OpenOptions } from './ports';
import { channelPort } from './resolve';

export type { IdType, OpenedSession };

/** What each session channel needs to open a session, in the product's words (ports.ts). */
export type OpenSessionRequest =
  | { channel: 'wechat' | 'qq'; reference: string; expectedName: string; idType: IdType; idNumber: string }
  | { channel: 'face'; reference: string; expectedName: string; idNumber: string }
  | { channel: 'oa'; reference: string };

/**
 * Opens an authorisation session through the provider configured for its channel; the
 * key must have been saved before (SECURITY 30).
 */
export function openAuthSession(request: OpenSessionRequest, idempotencyKey: string, options: OpenOptions): Promise<OpenedSession> {
  switch (request.channel) {
    case 'wechat':
    case 'qq': {
      const { channel, ...rest } = request;
      return channelPort(channel).openSession(rest, idempotencyKey, options);
    }
    case 'face': {
      const { channel, ...rest } = request;
      return channelPort(channel).openSession(rest, idempotencyKey, options);
    }
    case 'oa': {
      const { channel, ...rest } = request;
      return channelPort(channel).openSession(rest, idempotencyKey, options);
    }
  }
}
