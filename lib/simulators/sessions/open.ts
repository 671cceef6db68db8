import { env } from '@/lib/env';
import { normaliseIdentifier, normaliseText } from '@/lib/domain/normalise';
import { newId } from '../ids';
import { channelSessions, type IdType, type SessionChannel } from '../schema';
import type { Executor } from '../world';

/** R-P-WX: a QR code is good for 5 minutes of world time. */
export const SESSION_TTL_MS = 5 * 60 * 1000;

export interface OpenSessionInput {
  channel: SessionChannel;
  reference: string;
  callbackUrl: string;
  expected?: { name: string; idType: IdType; idNumber: string };
}

/** What a phone's QR code leads to: the simulator's phone page of this session. */
export function scanUrlOf(channel: SessionChannel, sessionId: string): string {
  return `${env().APP_URL.replace(/\/$/, '')}/sim/${channel}/s/${sessionId}`;
}

/** Opens an authorisation session for the product (docs/channel-protocol.md): `{sessionId, scanUrl, expiresAt}`. */
export async function openSession(tx: Executor, now: Date, input: OpenSessionInput) {
  const id = newId('ses');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await tx.insert(channelSessions).values({
    id,
    channel: input.channel,
    reference: input.reference,
    callbackUrl: input.callbackUrl,
    expectedName: input.expected ? normaliseText(input.expected.name) : null,
    expectedIdType: input.expected?.idType ?? null,
    expectedIdNumber: input.expected ? normaliseIdentifier(input.expected.idNumber) : null,
    state: 'pending',
    createdAt: now,
    expiresAt,
  });
  return { sessionId: id, scanUrl: scanUrlOf(input.channel, id), expiresAt: expiresAt.toISOString() };
}
