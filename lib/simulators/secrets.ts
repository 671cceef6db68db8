import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { env } from '@/lib/env';

/** Every channel of docs/channel-protocol.md. */
export const CHANNELS = ['wechat', 'qq', 'face', 'oa', 'registry', 'bank', 'notify'] as const;
export type Channel = (typeof CHANNELS)[number];

const explicitSecretSchema = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'must be whsec_ followed by base64')
  .refine((v) => Buffer.from(v.slice('whsec_'.length), 'base64').length >= 16, 'must hold at least 16 bytes');

/**
 * The channel's secret (docs/channel-protocol.md § Secrets): `WEBHOOK_SECRET_<CHANNEL>`
 * when set, otherwise `whsec_` + base64(HMAC-SHA256(NEXTAUTH_SECRET, "channel-secret:" +
 * channel)). The product derives the same on its own side — the duplication across the
 * boundary is intended: the two parties share the protocol, not code.
 */
export function channelSecret(channel: Channel): string {
  const name = `WEBHOOK_SECRET_${channel.toUpperCase()}`;
  const explicit = process.env[name];
  if (explicit) {
    const parsed = explicitSecretSchema.safeParse(explicit);
    if (!parsed.success) throw new Error(`Invalid environment:\n  ${name}: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  }
  const derived = createHmac('sha256', env().NEXTAUTH_SECRET).update(`channel-secret:${channel}`).digest('base64');
  return `whsec_${derived}`;
}

/** The HMAC key of a `whsec_` secret: the base64-decoded part after the prefix (Standard Webhooks). */
export function secretKeyBytes(secret: string): Buffer {
  return Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
}

/** `Authorization: Bearer <secret>` of a product → channel request, compared in constant time. */
export function isAuthorisedRequest(channel: Channel, authorization: string | null): boolean {
  const match = /^Bearer (\S+)$/.exec(authorization?.trim() ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(channelSecret(channel));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
