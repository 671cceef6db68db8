import Bowser from 'bowser';
import ipaddr from 'ipaddr.js';

/**
 * 登录设备 (issue 16): what a session row keeps of where it was opened — a browser and
 * system summary and a masked address, enough for a person to recognise their own
 * devices, not enough to locate them. The User-Agent header and the full address are
 * never stored.
 */

const MAX_SUMMARY = 80;

/** `203.0.113.*` for IPv4 (and IPv4-mapped IPv6), the /48 prefix for IPv6 (`2001:db8:85a3::/48`). */
export function maskAddress(address: string | null | undefined): string {
  if (!address || !ipaddr.isValid(address.trim())) return '未知';
  let parsed = ipaddr.parse(address.trim());
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (parsed.kind() === 'ipv4') {
    const [a, b, c] = (parsed as ipaddr.IPv4).octets;
    return `${a}.${b}.${c}.*`;
  }
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 3);
  const prefix = ipaddr.IPv6.parse(`${parts.map((p) => p.toString(16)).join(':')}::`).toString();
  return `${prefix}/48`;
}

/** `Chrome 126 · Linux`, `Safari 17 · iOS`; `未知浏览器` when the header says nothing recognisable. */
export function deviceSummary(userAgent: string | null | undefined): string {
  if (!userAgent?.trim()) return '未知浏览器';
  const parser = Bowser.getParser(userAgent.slice(0, 512));
  const name = parser.getBrowserName();
  const major = parser.getBrowserVersion()?.split('.')[0];
  const os = parser.getOSName();
  const browser = name ? `${name}${major ? ` ${major}` : ''}` : '未知浏览器';
  return (os ? `${browser} · ${os}` : browser).slice(0, MAX_SUMMARY);
}
