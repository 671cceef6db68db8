import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isSameOriginRequest } from '@/lib/action';
import { clientAddressFrom, installClientProxyHeaderGuard } from '@/lib/auth/client-address';
import { resetEnvCache } from '@/lib/env';

/**
 * Issue 16, finding 2: without a trusted proxy, nothing a client puts in X-Forwarded-*
 * counts — not for the sign-in limit's address, not as an allowed Origin.
 */
let server: http.Server;
let port: number;
const seen: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  installClientProxyHeaderGuard();
  server = http.createServer((req, res) => {
    seen.push({ ...req.headers });
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => {
  delete process.env.TRUST_PROXY;
  resetEnvCache();
});

function trustProxy(on: boolean) {
  process.env.TRUST_PROXY = on ? 'true' : 'false';
  resetEnvCache();
}

/** What the app reads, for a request sent from this machine with these headers. */
async function received(headers: Record<string, string>) {
  await fetch(`http://127.0.0.1:${port}/`, { headers });
  const h = seen.at(-1)!;
  return { h, address: clientAddressFrom((name) => (h[name] as string | undefined) ?? null) };
}

describe('client address and forwarded headers (docs/decisions/0006)', () => {
  it('without TRUST_PROXY the address is the socket’s, whatever X-Forwarded-For or X-Real-IP say', async () => {
    trustProxy(false);
    for (const forged of ['203.0.113.7', '203.0.113.7, 198.51.100.2', 'unknown']) {
      const { h, address } = await received({ 'x-forwarded-for': forged, 'x-real-ip': '203.0.113.8' });
      expect(address).toBe('127.0.0.1');
      expect(h['x-real-ip']).toBeUndefined();
    }
    expect((await received({})).address).toBe('127.0.0.1');
  });

  it('without TRUST_PROXY a client’s X-Forwarded-Host and -Proto are dropped before the app sees them', async () => {
    trustProxy(false);
    const { h } = await received({ 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', forwarded: 'host=evil.example' });
    expect([h['x-forwarded-host'], h['x-forwarded-proto'], h.forwarded]).toEqual([undefined, undefined, undefined]);
  });

  it('with TRUST_PROXY the right-most X-Forwarded-For entry (the one our proxy appended) is the address', async () => {
    trustProxy(true);
    const { address } = await received({ 'x-forwarded-for': '203.0.113.7, 198.51.100.2' });
    expect(address).toBe('198.51.100.2');
  });

  it('a forwarded host counts as an allowed Origin only from a trusted proxy', () => {
    const h = new Headers({ host: 'localhost:3000', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', origin: 'https://evil.example' });
    trustProxy(false);
    expect(isSameOriginRequest(h)).toBe(false);
    expect(isSameOriginRequest(new Headers({ host: 'localhost:3000', origin: 'http://localhost:3000' }))).toBe(true);
    trustProxy(true);
    expect(isSameOriginRequest(h)).toBe(true);
  });
});
