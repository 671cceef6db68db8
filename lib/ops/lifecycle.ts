/**
 * The process's life: running, then shutting down after SIGTERM (issue 15). Kept on
 * globalThis because Next.js loads a module once per bundle layer (instrumentation,
 * route handlers, pages): every copy must see the same state.
 */
interface Lifecycle {
  stopping: AbortController;
}

const holder = globalThis as unknown as { __lifecycle?: Lifecycle };
const lifecycle = (holder.__lifecycle ??= { stopping: new AbortController() });

/** Aborted once shutdown begins: jobs stop claiming, /api/ready answers 503. */
export function shutdownSignal(): AbortSignal {
  return lifecycle.stopping.signal;
}

export function isShuttingDown(): boolean {
  return lifecycle.stopping.signal.aborted;
}

/** Marks the process as shutting down (idempotent). */
export function beginShutdown(): void {
  if (!lifecycle.stopping.signal.aborted) lifecycle.stopping.abort();
}
