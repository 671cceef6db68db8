import { env } from '@/lib/env';

/**
 * The client address for rate limits. Behind a proxy that appends to X-Forwarded-For
 * (TRUST_PROXY=true) the right-most entry is the one the proxy saw. Without one,
 * Next.js fills the header from the socket only when the client sent none, so the
 * value is best-effort; the per-account limit does not depend on it.
 */
export function clientAddressFrom(header: (name: string) => string | null): string {
  const forwarded = header('x-forwarded-for');
  const entries = (forwarded ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const address = env().TRUST_PROXY ? entries.at(-1) : entries[0];
  return (address ?? header('x-real-ip') ?? 'unknown').slice(0, 64);
}
