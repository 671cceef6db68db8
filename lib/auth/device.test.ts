import { describe, expect, it } from 'vitest';
import { deviceSummary, maskAddress } from './device';

describe('maskAddress (登录设备 shows an address a person recognises, not one that locates them)', () => {
  it('keeps the first three octets of an IPv4 address', () => {
    expect(maskAddress('203.0.113.57')).toBe('203.0.113.*');
  });

  it('treats an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    expect(maskAddress('::ffff:198.51.100.7')).toBe('198.51.100.*');
  });

  it('keeps the /48 prefix of an IPv6 address', () => {
    expect(maskAddress('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3::/48');
    expect(maskAddress('::1')).toBe('::/48');
  });

  it('answers 未知 for a missing or malformed address', () => {
    expect(maskAddress(undefined)).toBe('未知');
    expect(maskAddress('unknown')).toBe('未知');
    expect(maskAddress('203.0.113.999')).toBe('未知');
  });
});

describe('deviceSummary (the browser and system, never the raw User-Agent)', () => {
  it('names browser, major version and system', () => {
    const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.126 Safari/537.36';
    expect(deviceSummary(chrome)).toBe('Chrome 126 · Linux');
  });

  it('reads a phone browser', () => {
    const safari = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
    expect(deviceSummary(safari)).toBe('Safari 17 · iOS');
  });

  it('answers 未知浏览器 when there is no header', () => {
    expect(deviceSummary('')).toBe('未知浏览器');
    expect(deviceSummary(null)).toBe('未知浏览器');
  });

  it('never returns more than a short summary', () => {
    expect(deviceSummary('x'.repeat(5000)).length).toBeLessThanOrEqual(80);
  });
});
