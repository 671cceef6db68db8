import { z } from 'zod';
import type { SessionChannel } from '@/lib/domain/channel-session';
import type { ChannelTransport } from '@/lib/channels/http-client';
import type { IdType, OpenedSession } from '@/lib/channels/ports';
import { callbackUrl, requestChannel } from './http-client';

/** `201 {sessionId, scanUrl, expiresAt}` of every session-opening call. */
export const openedSessionSchema = z.object({
  sessionId: z.string().min(1).max(255),
  // The browser is sent there (QR code): only http(s), never javascript: or data:.
  scanUrl: z.url({ protocol: /^https?$/ }).max(2048),
  expiresAt: z.iso.datetime({ offset: true }).transform((v) => new Date(v)),
});

/** What each channel needs to open a session (docs/channel-protocol.md). */
export type SessionRequest =
  | { channel: 'wechat' | 'qq'; reference: string; expectedName: string; idType: IdType; idNumber: string }
  | { channel: 'face'; reference: string; expectedName: string; idNumber: string }
  | { channel: 'oa'; reference: string };

const PATH: Record<SessionChannel, string> = {
  wechat: 'auth-sessions',
  qq: 'auth-sessions',
  face: 'sessions',
  oa: 'auth-sessions',
};

/**
 * The request body, keys in a fixed order: a retry must send the same bytes under the
 * same idempotency key (a provider may refuse a key reused with another body).
 */
function sessionBody(request: SessionRequest, callback: string) {
  switch (request.channel) {
    case 'wechat':
    case 'qq':
      return { reference: request.reference, expectedName: request.expectedName, idType: request.idType, idNumber: request.idNumber, callbackUrl: callback };
    case 'face':
      return { reference: request.reference, expectedName: request.expectedName, idNumber: request.idNumber, callbackUrl: callback };
    case 'oa':
      return { reference: request.reference, callbackUrl: callback };
  }
}

/** Opens an authorisation session on a simulated channel; the key must have been saved before (SECURITY 30). */
export function openSession(request: SessionRequest, idempotencyKey: string, transport?: ChannelTransport): Promise<OpenedSession> {
  return requestChannel(
    {
      channel: request.channel,
      operation: 'open_session',
      method: 'POST',
      path: PATH[request.channel],
      body: sessionBody(request, callbackUrl(request.channel)),
      idempotencyKey,
      answer: openedSessionSchema,
    },
    transport,
  );
}
