import sharp from 'sharp';
import { readLicence } from './read-licence';

// One recognition takes one core (onnxruntime runs one thread, ADR 0018; the GC its own,
// recognition-pool.ts): libvips' resizes stay on it too, so that a 2-core server always
// has a core for its requests while a licence is read (issue 19: GET p99 under recognitions).
sharp.concurrency(1);

/**
 * The recognition worker's task (lib/ocr/recognition-pool.ts): the engine and its ~1 GB
 * live in this child process, so the server never runs inference. Loaded through
 * recognition-worker.mjs (Node 20 does not load TypeScript itself).
 */
export async function recogniseInWorker(bytes: Uint8Array) {
  const { name, code, rotation } = await readLicence(bytes);
  return { name, code, rotation };
}
