import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const workerPriority = pathToFileURL(path.join(import.meta.dirname, 'worker-priority.mjs')).href;

/** A fresh process that yields the CPU as the recognition worker does, and reports what the kernel made of it. */
function yieldedProcess(niceness: number) {
  const script = `
    import fs from 'node:fs';
    import os from 'node:os';
    (await import(${JSON.stringify(workerPriority)})).yieldCpu(${niceness});
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpus = /Cpus_allowed_list:\\s*(\\S+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1];
    console.log(JSON.stringify({ policy: Number(fields[38]), nice: os.getPriority(), cpus }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { policy: number; nice: number; cpus: string };
}

const SCHED_OTHER = 0;
const SCHED_IDLE = 5;
// The last CPU this (test) process may use, as the kernel lists them (e.g. `0-1`, `0,2-3`).
const lastCpu = /Cpus_allowed_list:\s*(\S+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]!.split(/[,-]/).at(-1);

describe('yieldCpu (how the recognition worker yields the CPU to the server)', () => {
  it('at the lowest niceness (19, the default) takes the idle scheduling class and the last CPU', () => {
    expect(yieldedProcess(19)).toEqual({ policy: SCHED_IDLE, nice: 19, cpus: lastCpu });
  });

  it('at another niceness stays in the normal class, niced, on the last CPU', () => {
    expect(yieldedProcess(10)).toEqual({ policy: SCHED_OTHER, nice: 10, cpus: lastCpu });
  });
});
