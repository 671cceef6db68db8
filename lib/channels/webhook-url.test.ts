import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPublicAddress } from './webhook-url';

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

  it('refuses the forms a probe got through: trailing dots, localdomain, IPv4 inside IPv6, special IPv4 ranges (issue 16)', () => {
    const hosts = [
      'localhost.',
      'localhost..',
      'LOCALHOST',
      'localhost.localdomain',
      'localhost.localdomain.',
      'api.localhost.',
      'intranet',
      'metadata.google.internal.',
      '[::127.0.0.1]',
      '[::ffff:127.0.0.1]',
      '[::ffff:7f00:1]',
      '[64:ff9b::7f00:1]',
      '[64:ff9b::a9fe:a9fe]',
      '[64:ff9b:1::a00:1]',
      '[::ffff:0:a00:1]',
      '[2002:7f00:1::]',
      '[2001:0:4136:e378:8000:63bf:3fff:fdd2]',
      '[fe80::1]',
      '[ff02::1]',
      '[2001:db8::1]',
      '[::]',
      '198.18.0.1',
      '198.19.255.255',
      '224.0.0.1',
      '239.255.255.250',
      '255.255.255.255',
      '240.0.0.1',
      '192.0.2.1',
      '192.0.0.8',
      '127.1',
      '0x7f.0.0.1',
      '2130706433',
    ];
    for (const host of hosts) {
      expect([host, checkWebhookUrl(`https://${host}/hook`, { allowPrivate: false })]).toEqual([host, { ok: false, reason: 'private_host' }]);
    }
  });

  it('accepts public names and public addresses in either family', () => {
    for (const host of ['hooks.example.com', 'hooks.example.com.', '8.8.8.8', '[2606:4700:4700::1111]', '[64:ff9b::808:808]', '[::ffff:8.8.8.8]']) {
      expect([host, checkWebhookUrl(`https://${host}/hook`, { allowPrivate: false }).ok]).toEqual([host, true]);
    }
  });

  it('judges resolved addresses by the same rule (send time)', () => {
    expect(isPublicAddress('93.184.215.14')).toBe(true);
    expect(isPublicAddress('2606:4700:4700::1111')).toBe(true);
    for (const address of ['127.0.0.1', '10.0.0.1', '100.100.100.200', '169.254.169.254', '::1', 'fd12::1', '::ffff:192.168.0.1', '64:ff9b::c0a8:1', 'not an address', '']) {
      expect([address, isPublicAddress(address)]).toEqual([address, false]);
    }
  });
});
