import fs from 'node:fs';

/**
 * What the recognition benches read of the recognition worker processes (children of the
 * measuring process since ADR 0031), from /proc.
 */

/** Peak resident memory (VmHWM) of process `pid`, in MB. */
export const peakRssMbOf = (pid: string) => Number(/VmHWM:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

/** The fields of /proc/<pid>/stat after the command's name (state first). */
const statOf = (pid: string) => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)!.split(' ');

/** The recognition worker processes: this process's children (lib/ocr/recognition-pool.ts). */
export function workerPids(): string[] {
  return fs.readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      return statOf(pid)[1] === String(process.pid);
    } catch {
      return false; // gone meanwhile
    }
  });
}

/** CPU ms of this process and its live workers (utime + stime, at 100 ticks a second). */
export function cpuMs(): number {
  const own = process.cpuUsage();
  const workers = workerPids().reduce((sum, pid) => sum + (Number(statOf(pid)[11]) + Number(statOf(pid)[12])) * 10, 0);
  return (own.user + own.system) / 1000 + workers;
}
