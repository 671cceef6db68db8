import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookFetch, type Resolver } from './webhook-fetch';

let server: http.Server;
let port: number;
const received: { host: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ host: req.headers.host, body });
      res.statusCode = req.url === '/empty' ? 204 : 200;
      res.end(req.url === '/empty' ? undefined : 'thanks');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** A resolver that knows a few names and counts how often it is asked. */
function table(entries: Record<string, string[]>) {
  const asked: string[] = [];
  const resolve: Resolver = async (hostname) => {
    asked.push(hostname);
    return (entries[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, asked };
}

describe('webhookFetch: connects only to addresses it checked (SSRF, issue 16)', () => {
  it('refuses at send time a public-looking name that resolves to 127.0.0.1, before connecting', async () => {
    const dns = table({ 'hooks.example.com': ['127.0.0.1'] });
    const before = received.length;
    const send = webhookFetch({ allowPrivate: false, resolve: dns.resolve });
    await expect(send(`https://hooks.example.com:${port}/hook`, { method: 'POST', body: '{}' })).rejects.toMatchObject({ name: 'WebhookAddressRefused' });
    expect(dns.asked).toEqual(['hooks.example.com']);
    expect(received.length).toBe(before);
  });

  it('refuses a name when any of its addresses is not public', async () => {
    const dns = table({ 'hooks.example.com': ['93.184.215.14', '10.0.0.5'], 'v6.example.com': ['::ffff:127.0.0.1'] });
    const send = webhookFetch({ allowPrivate: false, resolve: dns.resolve });
    await expect(send('https://hooks.example.com/hook', { method: 'POST', body: '{}' })).rejects.toMatchObject({ name: 'WebhookAddressRefused' });
    await expect(send('https://v6.example.com/hook', { method: 'POST', body: '{}' })).rejects.toMatchObject({ name: 'WebhookAddressRefused' });
  });

  it('checks the URL again (saved under older rules): internal names and literals are refused without a lookup', async () => {
    const dns = table({});
    const send = webhookFetch({ allowPrivate: false, resolve: dns.resolve });
    for (const url of ['https://localhost./hook', 'https://[::127.0.0.1]/hook', `http://hooks.example.com/hook`, 'https://198.18.0.1/hook']) {
      await expect(send(url, { method: 'POST' })).rejects.toMatchObject({ name: 'WebhookAddressRefused' });
    }
    expect(dns.asked).toEqual([]);
  });

  it('with private addresses allowed, connects to the resolved address and sends the request as given', async () => {
    const dns = table({ 'hooks.test': ['127.0.0.1'] });
    const send = webhookFetch({ allowPrivate: true, resolve: dns.resolve });
    const response = await send(`http://hooks.test:${port}/hook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('thanks');
    expect(received.at(-1)).toEqual({ host: `hooks.test:${port}`, body: '{"a":1}' });
    expect(dns.asked).toEqual(['hooks.test']);

    const empty = await send(`http://hooks.test:${port}/empty`, { method: 'POST', body: '' });
    expect(empty.status).toBe(204);
  });

  it('gives up when the signal aborts', async () => {
    const dns = table({ 'hooks.test': ['127.0.0.1'] });
    const send = webhookFetch({ allowPrivate: true, resolve: dns.resolve });
    await expect(send(`http://hooks.test:${port}/hook`, { method: 'POST', signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
