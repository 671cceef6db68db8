import { describe, expect, it } from 'vitest';
import { hashLinkToken, newLinkToken } from './link-token';

describe('link tokens', () => {
  it('are 32 random bytes in base64url, stored as their SHA-256 only', () => {
    const { token, tokenHash } = newLinkToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).toBe(hashLinkToken(token));
    expect(tokenHash).not.toContain(token);
  });

  it('never repeat', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newLinkToken().token));
    expect(tokens.size).toBe(200);
  });
});
