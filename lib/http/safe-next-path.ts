/** Longer than any page of ours; a cap keeps the hidden field and the Location header small. */
const NEXT_PATH_MAX = 2048;

/**
 * Where to go after sign-in (`/login?next=…`), or undefined when `next` does not stay on
 * this site. Browsers drop tabs and newlines from a URL, read `\` as `/` and resolve
 * `..`, so a text check is not enough (`/\t/evil.example` becomes `//evil.example`):
 * the WHATWG parser does what the browser will do, against the app's origin, and the
 * path it serialises — percent-encoded, with no control characters left to break a
 * header — is what the redirect sends.
 */
export function safeNextPath(next: unknown, appOrigin: string): string | undefined {
  if (typeof next !== 'string' || next.length > NEXT_PATH_MAX || !next.startsWith('/')) return undefined;
  const origin = new URL(appOrigin).origin;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== origin) return undefined;
  // A path that starts with two slashes would itself be read as another host in a Location.
  if (/^[/\\]{2}/.test(url.pathname)) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
