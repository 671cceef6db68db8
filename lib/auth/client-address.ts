import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { env } from '@/lib/env';

/** Headers only a proxy in front of us may set; a client sending them says nothing. */
const PROXY_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'] as const;

function trustProxy(): boolean {
  try {
    return env().TRUST_PROXY;
  } catch {
    return false; // an invalid environment stops the app elsewhere; here it trusts nobody
  }
}

/**
 * Without TRUST_PROXY, what a client sent in the proxy headers is dropped and
 * X-Forwarded-For becomes the socket's address — the only place a route handler or
 * server action can read it (Next.js has no API for the socket, and fills the header
 * from it only when the client sent none). With TRUST_PROXY the proxy's headers stand.
 */
export function dropClientProxyHeaders(request: IncomingMessage, socket: Socket): void {
  if (trustProxy()) return;
  for (const name of PROXY_HEADERS) delete request.headers[name];
  request.headers['x-forwarded-for'] = socket.remoteAddress ?? 'unknown';
}

const INSTALLED = Symbol.for('realname.clientProxyHeaderGuard');

/**
 * Applies dropClientProxyHeaders to every request this process's HTTP servers receive,
 * before Next.js sees it (Node's `http.server.request.start` channel runs ahead of the
 * server's `request` event). Called once from instrumentation.ts; idempotent.
 */
export function installClientProxyHeaderGuard(): void {
  const g = globalThis as { [INSTALLED]?: boolean };
  if (g[INSTALLED]) return;
  g[INSTALLED] = true;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    dropClientProxyHeaders(request, socket);
  });
}

/**
 * The client address for rate limits: the right-most X-Forwarded-For entry. Behind a
 * trusted proxy (TRUST_PROXY) that is the address the proxy saw and appended; without
 * one, the guard above has replaced the header with the socket's address (docs/decisions/0006).
 */
export function clientAddressFrom(header: (name: string) => string | null): string {
  const entries = (header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return (entries.at(-1) ?? 'unknown').slice(0, 64);
}
