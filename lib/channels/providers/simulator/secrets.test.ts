import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { CHANNELS } from '@/lib/channels/names';
import { secretKeyBytes } from '@/lib/channels/webhook-verify';
import { channelSecret } from './secrets';

describe('per-channel secrets (docs/channel-protocol.md)', () => {
  it('derives whsec_ + base64(HMAC-SHA256(NEXTAUTH_SECRET, "channel-secret:" + channel)) when unset', () => {
    const e = env();
    const expected = `whsec_${createHmac('sha256', e.NEXTAUTH_SECRET).update('channel-secret:wechat').digest('base64')}`;
    expect(channelSecret('wechat', e)).toBe(expected);
    expect(secretKeyBytes(expected)).toHaveLength(32);
  });

  it('gives every channel a different secret (SECURITY A3)', () => {
    const secrets = CHANNELS.map((c) => channelSecret(c));
    expect(new Set(secrets).size).toBe(CHANNELS.length);
  });

  it('prefers WEBHOOK_SECRET_<CHANNEL> when set', () => {
    const configured = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;
    expect(channelSecret('bank', { ...env(), WEBHOOK_SECRET_BANK: configured })).toBe(configured);
    expect(channelSecret('wechat', { ...env(), WEBHOOK_SECRET_BANK: configured })).not.toBe(configured);
  });
});
