import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { config, FILE_CSP, HSTS, proxy } from '@/proxy';

/**
 * Issue 16 finding 3: HSTS and upgrade-insecure-requests follow the APP_URL the server runs
 * with, not the one the build saw, and not the request's protocol (behind a TLS-terminating
 * proxy every request arrives as plain http).
 */

function runningWith(appUrl: string) {
  vi.stubEnv('APP_URL', appUrl);
  resetEnvCache();
}

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

const page = () => proxy(new NextRequest('http://127.0.0.1:3001/login', { headers: { 'x-forwarded-proto': 'https' } }));
const upload = () => proxy(new NextRequest('http://127.0.0.1:3001/api/uploads/abc'));

describe('security headers decided at run time (proxy)', () => {
  it('an https APP_URL sends Strict-Transport-Security and upgrade-insecure-requests, though the request came as http', () => {
    runningWith('https://console.example.com');
    const response = page();
    expect(response.headers.get('strict-transport-security')).toBe(HSTS);
    expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });

  it('uploaded files get HSTS too, with the file policy', () => {
    runningWith('https://console.example.com');
    const response = upload();
    expect(response.headers.get('strict-transport-security')).toBe(HSTS);
    expect(response.headers.get('content-security-policy')).toBe(FILE_CSP);
  });

  it('an http APP_URL sends neither (a browser would pin https on a host that has none)', () => {
    runningWith('http://localhost:3000');
    const response = page();
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(upload().headers.get('strict-transport-security')).toBeNull();
  });

  it('a request that arrives as https on an http APP_URL does not turn them on', () => {
    runningWith('http://localhost:3000');
    const response = proxy(new NextRequest('https://localhost:3000/login'));
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
  });
});

describe('where the proxy runs (issue 19)', () => {
  const runs = (path: string) => unstable_doesMiddlewareMatch({ config, url: `http://127.0.0.1:3001${path}` });

  it('on pages, uploaded files and next-auth: whatever a browser may render', () => {
    for (const path of ['/', '/login', '/account/verification/personal', '/review/queue', '/sim/wechat/s/abc', '/api/uploads/abc', '/api/auth/session', '/api/bench/floor']) {
      expect(runs(path), path).toBe(true);
    }
  });

  it('not on callbacks and the other machine routes (their headers come from next.config.js and the routes)', () => {
    for (const path of ['/api/callbacks/wechat', '/api/health', '/api/ready', '/api/metrics', '/api/verification/personal/status', '/api/sim/clock', '/api/bench/unproxied-floor', '/_next/static/chunks/a.js']) {
      expect(runs(path), path).toBe(false);
    }
  });
});
