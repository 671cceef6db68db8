import fs from 'node:fs';
import os from 'node:os';
import { readLicence } from './read-licence';

/**
 * On Linux, niceness belongs to a thread: this one (where inference runs, with one
 * onnxruntime thread) yields the CPU to the server's main thread whenever both want it.
 * Elsewhere /proc/thread-self is missing and nothing changes.
 */
try {
  const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').at(-1));
  if (tid > 0) os.setPriority(tid, 10);
} catch {
  // not Linux, or not allowed: the same work at normal priority
}

/**
 * The recognition worker's task (piscina, lib/ocr/recognition-pool.ts): the engine and
 * its ~1 GB live in this thread, so the server's event loop never runs inference.
 * Loaded through recognition-worker.mjs (Node 20 does not load TypeScript itself).
 */
export default async function recogniseInWorker(bytes: Uint8Array) {
  const { name, code, rotation } = await readLicence(bytes);
  return { name, code, rotation };
}
