import type * as NextAuth from 'next-auth';
import type * as NextCache from 'next/cache';
import type * as NextHeaders from 'next/headers';

/*
 * Route handlers and server actions read the session (next-auth's getServerSession) and the
 * request's headers (next/headers), and revalidate pages (next/cache): all of it needs a
 * Next.js request. A test file that calls them replaces the three modules with these
 * factories, one line each — vi.mock is hoisted above the file's imports, and this module
 * imports nothing of the product, so a factory never loads what it replaces:
 *
 *   vi.mock('next-auth', async (original) => (await import('../support/next-mocks')).withTestSession(original));
 *   vi.mock('next/headers', async (original) => (await import('../support/next-mocks')).withTestHeaders(original));
 *   vi.mock('next/cache', async (original) => (await import('../support/next-mocks')).withoutRevalidation(original));
 *
 * The session is the one of the request being handled (support/requests.ts, `handle`); the
 * headers are the last `setRequestHeaders`' (`inRequest` sets both).
 */

let requestHeaders = new Headers();

/** The headers next/headers answers from now on. */
export function setRequestHeaders(headers: HeadersInit): Headers {
  requestHeaders = new Headers(headers);
  return requestHeaders;
}

/** next-auth whose getServerSession decodes the cookie of the request being handled. */
export async function withTestSession(original: () => Promise<typeof NextAuth>) {
  return { ...(await original()), getServerSession: async () => (await import('./requests')).currentSession() };
}

/** next/headers answering the test's request headers. */
export async function withTestHeaders(original: () => Promise<typeof NextHeaders>) {
  return { ...(await original()), headers: async () => requestHeaders };
}

/** next/cache without page revalidation: the page cache is Next.js' business and needs its request store. */
export async function withoutRevalidation(original: () => Promise<typeof NextCache>) {
  return { ...(await original()), revalidatePath: () => undefined };
}
