/**
 * Which integrator endpoints we agree to call (SPEC §13). Calling a URL the user typed
 * from inside our network is an SSRF risk: unless private addresses are allowed (demo
 * and tests, where the endpoint runs on this machine), the URL must be https and its
 * host must not name a loopback, private, link-local or internal address. A host name
 * that *resolves* to one is not caught here (that needs the resolver at send time).
 */
export type WebhookUrlCheck = { ok: true; url: string } | { ok: false; reason: 'format' | 'scheme' | 'https_required' | 'private_host' | 'credentials' };

const PRIVATE_V4 = [/^127\./, /^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^169\.254\./, /^0\./, /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./];

function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  if (PRIVATE_V4.some((re) => re.test(host))) return true;
  if (host === '::1' || host === '::' || /^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host) || host.startsWith('::ffff:')) return true;
  return false;
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
