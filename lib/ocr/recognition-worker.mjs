// The recognition worker process (lib/ocr/recognition-pool.ts) starts as plain Node: tsx
// compiles the TypeScript (and the @/ paths) as it loads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import sharp from 'sharp';
import { register } from 'tsx/esm/api';
import workerpool from 'workerpool';

// Niceness first (the pool's first argument, RECOGNITION_NICENESS), so that every thread
// the engine starts inherits it: the server's processes get the CPU whenever both want it.
// Not allowed somewhere: the same work at normal priority.
try {
  os.setPriority(Number(process.argv[2]));
} catch {
  // unchanged
}

// Then one core (issue 19: GET p99 under recognitions), so that a 2-core server keeps the
// other for its requests: onnxruntime runs one thread (engine.ts), the GC none of its own
// (--single-threaded-gc, recognition-pool.ts), libvips one (below), and the process is
// pinned to the last CPU it may use (its threads so far, and those it starts later, which
// inherit it). Not Linux, no taskset, one CPU: unpinned.
sharp.concurrency(1);
try {
  const allowed = /Cpus_allowed_list:\s*(\S+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
  const last = allowed?.split(',').at(-1)?.split('-').at(-1);
  if (allowed && last && allowed !== last) spawnSync('taskset', ['-a', '-cp', last, String(process.pid)], { stdio: 'ignore' });
} catch {
  // unpinned
}
register();
const { recogniseInWorker } = await import('./recognition-worker.ts');
workerpool.worker({ recognise: recogniseInWorker });
