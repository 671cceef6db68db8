// The recognition worker process (lib/ocr/recognition-pool.ts) starts as plain Node: tsx
// compiles the TypeScript (and the @/ paths) as it loads.
import os from 'node:os';
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
register();
const { recogniseInWorker } = await import('./recognition-worker.ts');
workerpool.worker({ recognise: recogniseInWorker });
