import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { QuarterTurn } from './image';
import { recognitionNiceness } from '@/lib/env';
import { errorKind, log } from '@/lib/ops/log';
import { shutdownSignal } from '@/lib/ops/lifecycle';
import { metrics } from '@/lib/ops/metrics';
import { type PoolFailure, recognitionPool } from './recognition-pool';

/**
 * R-E-OCR: 企业名称 and 社会信用代码 read from an uploaded licence (营业执照, or the
 * registration certificate of a non-business organisation), offline, in a worker
 * process of this server. See docs/decisions/0009, 0018, 0031 and 0034.
 */
export interface LicenceRecognition {
  /** 名称 as printed, or null when none was read. */
  name: string | null;
  /** A USCC (18) or 工商注册号 (15) whose check characters hold, or null. */
  code: string | null;
  /** The clockwise quarter turn that made the page readable (0 for an upright page). */
  rotation: QuarterTurn;
  /** Milliseconds from the call to the answer, waiting for earlier recognitions included. */
  ms: number;
  /** Set when the recognition itself failed (queue full, too slow, the worker died or threw): worth uploading again. */
  failed: PoolFailure | null;
}

type Outcome = 'complete' | 'partial' | 'nothing' | PoolFailure;

/**
 * One recognition at a time per server: one takes ~0.65 GB and a core. Eight may wait
 * (the ninth is told to try again); 40 s covers the 15 s retry budget's last reading on
 * a loaded machine. The V8 heap limit guards against a runaway decode in JavaScript;
 * onnxruntime's own memory is native and bounded by the image size (lib/ocr/image.ts).
 */
let pool: ReturnType<typeof recognitionPool<{ name: string | null; code: string | null; rotation: QuarterTurn }>> | undefined;
function recognitionWorkers() {
  if (pool) return pool;
  const created = recognitionPool<{ name: string | null; code: string | null; rotation: QuarterTurn }>({
    // Resolved from the working directory, as engine.ts resolves the library: the bundler never sees the worker.
    filename: path.join(process.cwd(), 'lib', 'ocr', 'recognition-worker.mjs'),
    threads: 1,
    maxWaiting: 8,
    timeoutMs: 40_000,
    // Checked with the rest of the environment at start (lib/env.ts); read here alone, as the bench and tests have no secrets.
    niceness: recognitionNiceness(),
    maxHeapMb: 512,
    idleTimeoutMs: 10 * 60_000,
    onSize: (size) => metrics.recognitionQueueLength.set(size),
  });
  shutdownSignal().addEventListener('abort', () => void created.destroy(), { once: true });
  pool = created;
  return created;
}

/**
 * Recognises a licence image (JPEG or PNG bytes). Never throws: an image with nothing
 * readable answers nulls (the user types the fields); a failed recognition answers
 * nulls with `failed` set. `onPlace` hears how many recognitions are ahead of this one
 * (0 once it runs).
 */
export async function recogniseLicence(image: Uint8Array, onPlace?: (ahead: number) => void): Promise<LicenceRecognition> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const answer = await recognitionWorkers().run(image, onPlace);
  if (!answer.ok) {
    log.warn({ event: 'recognition.failed', reason: answer.reason, ...(answer.error === undefined ? {} : errorKind(answer.error)) });
    return finished({ name: null, code: null, rotation: 0, ms: ms(), failed: answer.reason }, answer.reason);
  }
  const { name, code, rotation } = answer.value;
  return finished({ name, code, rotation, ms: ms(), failed: null }, name && code ? 'complete' : name || code ? 'partial' : 'nothing');
}

function finished(result: LicenceRecognition, outcome: Outcome): LicenceRecognition {
  metrics.recognitionSeconds.observe({ outcome }, result.ms / 1000);
  log.info({ event: 'recognition.finished', outcome, rotation: result.rotation, ms: result.ms });
  return result;
}
