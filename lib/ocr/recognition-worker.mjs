// The recognition worker process (lib/ocr/recognition-pool.ts) starts as plain Node: tsx
// compiles the TypeScript (and the @/ paths) as it loads.
import sharp from 'sharp';
import { register } from 'tsx/esm/api';
import workerpool from 'workerpool';
import { yieldCpu } from './worker-priority.mjs';

// First, so that every thread the engine starts inherits it: the worker's priority (the
// pool's first argument, RECOGNITION_NICENESS) and one CPU (worker-priority.mjs). One core
// in all (issue 19: GET p99 under recognitions): onnxruntime runs one thread (engine.ts),
// the GC none of its own (--single-threaded-gc, recognition-pool.ts), libvips one (below).
yieldCpu(Number(process.argv[2]));
sharp.concurrency(1);
register();
const { recogniseInWorker } = await import('./recognition-worker.ts');
workerpool.worker({ recognise: recogniseInWorker });
