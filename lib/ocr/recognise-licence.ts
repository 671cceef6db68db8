import { performance } from 'node:perf_hooks';
import { readText } from './engine';
import { attemptPlan, complete, mergeReading, NOTHING_READ, type Reading } from './attempts';
import { extractLicenceFields } from './extract';
import { enhance, findQr, loadImage, padToGrid, type QrReading, type QuarterTurn, turn, uprightTurn } from './image';
import { errorKind, log } from '@/lib/ops/log';
import { metrics } from '@/lib/ops/metrics';
import { serialQueue } from './queue';

/**
 * R-E-OCR: 企业名称 and 社会信用代码 read from an uploaded licence (营业执照, or the
 * registration certificate of a non-business organisation), offline and in this
 * process. See docs/decisions/0009-offline-licence-recognition.md.
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
}

/** One recognition at a time per process: the engine takes ~1 GB and both cores. */
const queue = serialQueue({ onSize: (size) => metrics.recognitionQueueLength.set(size) });
/** No further reading (another turn, an enhanced image) starts this long after the recognition began (queue wait excluded). */
const RETRY_BUDGET_MS = 15_000;

/**
 * Recognises a licence image (JPEG or PNG bytes). Never throws: whatever goes wrong
 * (an unreadable file, no text, an engine failure) answers nulls, and the form's
 * fields simply stay empty for the user to fill.
 */
export async function recogniseLicence(image: Uint8Array): Promise<LicenceRecognition> {
  const started = performance.now();
  try {
    const best = await queue.run(() => recognise(image));
    return finished({ name: best.name, code: best.code, rotation: best.rotation, ms: Math.round(performance.now() - started) }, best.name && best.code ? 'complete' : best.name || best.code ? 'partial' : 'nothing');
  } catch (error) {
    log.warn({ event: 'recognition.failed', ...errorKind(error) });
    return finished({ name: null, code: null, rotation: 0, ms: Math.round(performance.now() - started) }, 'error');
  }
}

function finished(result: LicenceRecognition, outcome: 'complete' | 'partial' | 'nothing' | 'error'): LicenceRecognition {
  metrics.recognitionSeconds.observe({ outcome }, result.ms / 1000);
  log.info({ event: 'recognition.finished', outcome, rotation: result.rotation, ms: result.ms });
  return result;
}

async function recognise(bytes: Uint8Array): Promise<Reading> {
  const started = performance.now();
  const page = await loadImage(bytes);
  // The QR code's finder patterns say which way is up, whatever the code says.
  const qr = await findQr(page).catch((): QrReading | null => null);
  let best: Reading = { ...NOTHING_READ, rotation: qr ? uprightTurn(qr.angle) : 0 };
  let enhancedTried = false;
  const plan = attemptPlan(qr ? uprightTurn(qr.angle) : null);
  for (let i = 0; i < plan.length; i++) {
    const attempt = plan[i]!;
    if (i > 0 && performance.now() - started > RETRY_BUDGET_MS) break;
    const turned = await turn(page, attempt.rotation);
    const lines = await readText(await padToGrid(attempt.enhanced ? await enhance(turned) : turned));
    best = mergeReading(best, extractLicenceFields(lines, qr?.data ?? null), attempt.rotation);
    enhancedTried ||= attempt.enhanced;
    if (complete(best, enhancedTried)) break;
    // Both fields read, the name unsure: one more reading, enhanced, at the turn that worked — then done.
    if (best.code !== null && best.nameFrom === 'label') plan.splice(i + 1, plan.length, { rotation: best.rotation, enhanced: true });
    // Nothing at all to read: no other turn will find text either.
    if (lines.length === 0) break;
  }
  return best;
}
