import ipaddr from 'ipaddr.js';

/**
 * Which integrator endpoints we agree to call (SPEC §13). Calling a URL the user typed
 * from inside our network is an SSRF risk: unless private addresses are allowed (demo
 * and tests, where the endpoint runs on this machine), the URL must be https and its
 * host must be neither an internal name nor an address outside the public unicast
 * space. A name that *resolves* to such an address is caught at send time, by the same
 * address rule (lib/channels/webhook-fetch.ts). Not lib/domain: the ranges come from
 * ipaddr.js.
 */
export type WebhookUrlCheck = { ok: true; url: string } | { ok: false; reason: 'format' | 'scheme' | 'https_required' | 'private_host' | 'credentials' };

/** Names that mean "this machine" or "this site's network" wherever they are resolved. */
const INTERNAL_NAME = /(^|\.)(localhost|localdomain|local|internal|intranet|lan|home\.arpa|corp)$/;

/**
 * The IPv4 address an IPv6 one carries (mapped, compatible, SIIT, NAT64, 6to4): a
 * packet to it ends up at that IPv4 address, so that is the one to judge.
 */
function embeddedIPv4(v6: ipaddr.IPv6): ipaddr.IPv4 | null {
  const parts = v6.parts;
  const range = v6.range();
  const last32 = () => new ipaddr.IPv4(v6.toByteArray().slice(12));
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') return last32();
  if (parts.slice(0, 6).every((p) => p === 0)) return last32(); // ::a.b.c.d (deprecated IPv4-compatible)
  if (range === '6to4') return new ipaddr.IPv4(v6.toByteArray().slice(2, 6));
  return null;
}

/**
 * True only for a public unicast address: loopback, private, link-local, unique-local,
 * carrier-grade NAT, benchmarking, documentation, multicast, broadcast, reserved and
 * unspecified ranges are not, nor an IPv6 form of any such IPv4 address, nor Teredo.
 */
export function isPublicAddress(text: string): boolean {
  const bare = text.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return false;
  const address = ipaddr.parse(bare);
  if (address.kind() === 'ipv4') return address.range() === 'unicast';
  const v6 = address as ipaddr.IPv6;
  const v4 = embeddedIPv4(v6);
  if (v4) return v4.range() === 'unicast';
  return v6.range() === 'unicast';
}

/** True for a host (name or address literal, as URL.hostname gives it) we never call when private hosts are not allowed. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.+$/, '');
  if (host.startsWith('[') || ipaddr.IPv4.isValidFourPartDecimal(host)) return !isPublicAddress(host);
  // A single label is resolved through the machine's search domains: an internal name.
  return !host.includes('.') || INTERNAL_NAME.test(host);
}

export function checkWebhookUrl(input: string, options: { allowPrivate: boolean }): WebhookUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'format' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'scheme' };
  if (url.username || url.password) return { ok: false, reason: 'credentials' };
  if (!options.allowPrivate) {
    if (url.protocol !== 'https:') return { ok: false, reason: 'https_required' };
    if (isPrivateHost(url.hostname)) return { ok: false, reason: 'private_host' };
  }
  url.hash = '';
  return { ok: true, url: url.toString() };
}
