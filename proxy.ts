import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';

export const FILE_CSP = "default-src 'none'; sandbox";
export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * A fresh nonce per request for a strict Content-Security-Policy (SECURITY 25).
 * This is a header convenience only: no authorisation happens here.
 */
export function proxy(request: NextRequest) {
  // Decided by the running APP_URL, not the build's (next.config headers are fixed at build time),
  // nor the request's protocol: behind a TLS-terminating proxy every request arrives as http.
  const https = env().APP_URL.startsWith('https://');
  // Uploaded files are served with no rights at all (SECURITY 16): whichever of this
  // header and the route's own wins, it is the file policy.
  if (request.nextUrl.pathname.startsWith('/api/uploads/')) {
    const response = NextResponse.next();
    response.headers.set('Content-Security-Policy', FILE_CSP);
    if (https) response.headers.set('Strict-Transport-Security', HSTS);
    return response;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const dev = process.env.NODE_ENV === 'development';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React sets style attributes at run time; inline <style> elements are not used.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  if (https) response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

/**
 * Pages, and the API routes whose answers a browser may render: uploaded files, next-auth
 * (its pages redirect to ours, but it can answer HTML). Other API routes answer JSON or
 * machine formats to callers that ignore CSP, and the proxy's cost on them is large
 * (issue 19: a third of a callback's server CPU); next.config.js headers() still gives
 * them nosniff and the rest, and each route sets its own Cache-Control
 * (docs/decisions/0022). /api/bench/floor stays behind it: the bench's (b) measures it.
 */
export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|api/(?!uploads/|auth/|bench/floor)).*)' }],
};
