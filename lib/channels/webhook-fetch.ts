import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { checkWebhookUrl, isPublicAddress } from './webhook-url';

export type ResolvedAddress = { address: string; family: number };
/** A name → every address it has (the system resolver by default; a table in tests). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;
export type WebhookFetch = (url: string, init?: RequestInit) => Promise<Response>;

/** The integrator's URL or one of its addresses is not one we call (a refused try, logged by name). */
export class WebhookAddressRefused extends Error {
  override name = 'WebhookAddressRefused';
}

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

/**
 * A fetch for integrators' webhook endpoints (SPEC §13) that connects only to addresses
 * it checked: the URL passes checkWebhookUrl again (it may have been saved under older
 * rules), and the connection's own `lookup` resolves the name, refuses it if any address
 * is not public, and hands the socket the checked addresses — no second resolution that
 * could answer differently (DNS rebinding). With `allowPrivate` (simulators, tests)
 * every address is allowed. Redirects are not followed; the answer's body is streamed.
 */
export function webhookFetch(options: { allowPrivate: boolean; resolve?: Resolver }): WebhookFetch {
  const resolve = options.resolve ?? systemResolver;
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolve(hostname).then(
      (found) => {
        const wanted = lookupOptions.family === 4 || lookupOptions.family === 6 ? found.filter((a) => a.family === lookupOptions.family) : found;
        if (wanted.length === 0) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
        if (!options.allowPrivate && !wanted.every((a) => isPublicAddress(a.address))) {
          return callback(new WebhookAddressRefused('the endpoint resolves to a non-public address'), '', 0);
        }
        if (lookupOptions.all) return (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, wanted);
        callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: Error) => callback(error, '', 0),
    );
  };

  return async (input, init = {}) => {
    const checked = checkWebhookUrl(input, { allowPrivate: options.allowPrivate });
    if (!checked.ok) throw new WebhookAddressRefused(`endpoint refused: ${checked.reason}`);
    const url = new URL(checked.url);
    const body = init.body === undefined || init.body === null ? undefined : Buffer.from(await new Response(init.body).arrayBuffer());
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    if (body) headers['content-length'] = String(body.length);
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<Response>((resolveResponse, reject) => {
      const request = client.request(
        url,
        { method: init.method ?? 'GET', headers, lookup, agent: false, ...(init.signal ? { signal: init.signal } : {}) },
        (res) => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status > 599) {
            res.destroy();
            return reject(new Error(`unexpected status ${status}`));
          }
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          const stream = NULL_BODY_STATUS.has(status) ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
          if (!stream) res.resume();
          resolveResponse(new Response(stream, { status, headers: responseHeaders }));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  };
}
