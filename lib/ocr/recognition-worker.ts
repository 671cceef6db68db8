import { readLicence } from './read-licence';

/**
 * The recognition worker's task (lib/ocr/recognition-pool.ts): the engine and its ~1 GB
 * live in this child process, so the server never runs inference. Loaded through
 * recognition-worker.mjs (Node 20 does not load TypeScript itself).
 */
export async function recogniseInWorker(bytes: Uint8Array) {
  const { name, code, rotation } = await readLicence(bytes);
  return { name, code, rotation };
}
