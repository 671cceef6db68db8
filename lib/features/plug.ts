/**
 * A plug point: a lower module declares what it needs from the modules above it (a typed
 * record of handlers), and the composition root (wiring.ts) plugs the implementations in.
 * This is how a module calls up the dependency order without importing upward — e.g. the
 * channels module runs the personal flow's handler when a session settles.
 */
export interface PlugPoint<T> {
  plug(implementation: T): void;
  get(): T;
}

export function plugPoint<T>(name: string): PlugPoint<T> {
  let implementation: T | undefined;
  return {
    plug(value) {
      implementation = value;
    },
    get() {
      if (implementation === undefined) throw new Error(`${name} is not wired: import '@/lib/features/runtime' (or '@/lib/features/wiring') at the entry point`);
      return implementation;
    },
  };
}
