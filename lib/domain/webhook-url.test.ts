import { describe, expect, it } from 'vitest';
import { checkWebhookUrl } from './webhook-url';

describe('checkWebhookUrl', () => {
  const strict = { allowPrivate: false };

  it('accepts a public https endpoint (fragment dropped)', () => {
    expect(checkWebhookUrl(' https://hooks.example.com/realname?x=1#frag ', strict)).toEqual({ ok: true, url: 'https://hooks.example.com/realname?x=1' });
  });

  it('refuses other schemes, credentials and malformed input', () => {
    expect(checkWebhookUrl('ftp://example.com/', strict)).toEqual({ ok: false, reason: 'scheme' });
    expect(checkWebhookUrl('javascript:alert(1)', strict)).toEqual({ ok: false, reason: 'scheme' });
    expect(checkWebhookUrl('https://user:pw@example.com/', strict)).toEqual({ ok: false, reason: 'credentials' });
    expect(checkWebhookUrl('not a url', strict)).toEqual({ ok: false, reason: 'format' });
  });

  it('refuses plain http and private, loopback and internal hosts unless allowed', () => {
    expect(checkWebhookUrl('http://hooks.example.com/', strict)).toEqual({ ok: false, reason: 'https_required' });
    for (const host of ['localhost', '127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '[::1]', '[fd00::1]', 'db.internal', 'printer.local', '100.64.0.1', '0.0.0.0']) {
      expect(checkWebhookUrl(`https://${host}/hook`, strict)).toEqual({ ok: false, reason: 'private_host' });
    }
    expect(checkWebhookUrl('https://172.32.0.1/hook', strict).ok).toBe(true);
    expect(checkWebhookUrl('http://127.0.0.1:4000/hook', { allowPrivate: true })).toEqual({ ok: true, url: 'http://127.0.0.1:4000/hook' });
  });
});
