import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The request being handled (callbacks, server actions): its id goes on every log line
 * written while it runs (lib/ops/log.ts mixin), so one request's lines can be found
 * together. On globalThis: every bundle layer must share the one store.
 */
interface RequestContext {
  requestId: string;
}

const holder = globalThis as unknown as { __requestContext?: AsyncLocalStorage<RequestContext> };
const store = (holder.__requestContext ??= new AsyncLocalStorage<RequestContext>());

// A proxy's or a caller's id is taken only in this shape: it lands in logs and headers verbatim.
const WELL_FORMED = /^[A-Za-z0-9-]{8,64}$/;

/** The caller's `x-request-id` when well formed, a fresh UUID otherwise. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get('x-request-id');
  return given && WELL_FORMED.test(given) ? given : randomUUID();
}

/** Runs `fn` with `requestId` as the current request's id. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return store.run({ requestId }, fn);
}

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return store.getStore()?.requestId;
}
