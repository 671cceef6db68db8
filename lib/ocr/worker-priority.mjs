// How the recognition worker yields the CPU (issue 19: GET p99 under recognitions), in one
// place for the worker (recognition-worker.mjs) and for the bench's floor, which must
// yield exactly as the worker does (scripts/bench/recognition-pool.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

/** The lowest niceness there is; the worker then also takes the idle scheduling class. */
export const LOWEST_NICENESS = 19;

/**
 * Lowers this process to `niceness` and pins it to the last CPU it may use, so that a
 * 2-core server keeps the other core for its requests. At the lowest niceness (19) it
 * also takes Linux's idle class (SCHED_IDLE): it runs only when nothing else wants the
 * CPU, and a request's thread woken on its CPU takes it at once rather than at the end
 * of the worker's time slice — which nice values alone left to the request's tail
 * latency. Run before the engine starts its threads; threads started later inherit all
 * of it, and `-a` covers those already there. Whatever the system refuses (not Linux, no
 * util-linux, one CPU) stays as it was: the same work, less politely scheduled.
 */
export function yieldCpu(niceness) {
  try {
    os.setPriority(niceness);
  } catch {
    // unchanged
  }
  const pid = String(process.pid);
  if (niceness === LOWEST_NICENESS) spawnSync('chrt', ['-a', '-i', '-p', '0', pid], { stdio: 'ignore' });
  const cpu = lastAllowedCpu();
  if (cpu !== undefined) spawnSync('taskset', ['-a', '-cp', cpu, pid], { stdio: 'ignore' });
}

/** The last CPU this process may run on, or undefined where there is no choice to make (one CPU, not Linux). */
export function lastAllowedCpu() {
  try {
    const allowed = /Cpus_allowed_list:\s*(\S+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
    const last = allowed?.split(',').at(-1)?.split('-').at(-1);
    return allowed && last && allowed !== last ? last : undefined;
  } catch {
    return undefined;
  }
}
