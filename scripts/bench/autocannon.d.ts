// The few parts of autocannon (no types of its own) that scripts/bench/recognition-pool.ts uses.
declare module 'autocannon' {
  interface Result {
    latency: { p99: number };
    requests: { total: number };
    errors: number;
    non2xx: number;
  }
  interface Instance extends PromiseLike<Result> {
    stop(): void;
    on(event: 'done', listener: (result: Result) => void): void;
  }
  export default function autocannon(options: { url: string; connections: number; duration: number }): Instance;
}
