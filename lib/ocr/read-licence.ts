import { performance } from 'node:perf_hooks';
import { detectionCopy, readText } from './engine';
import { attemptPlan, complete, mergeReading, NOTHING_READ, type Reading } from './attempts';
import { extractLicenceFields } from './extract';
import type { OcrLine } from './types';
import { enhance, findQr, loadImage, type QrReading, turn, uprightTurn } from './image';

/** No further reading (another turn, an enhanced image) starts this long after the reading began. */
const RETRY_BUDGET_MS = 15_000;

/** Boxes read after 名称 and the code are both sure, in case the next row still changes them (a wrapped 名称). */
const SETTLED_AFTER_BOXES = 4;

/**
 * One licence image read to its best fields: the QR code's turn first, then retries
 * (lib/ocr/attempts.ts). Runs inside the recognition worker (lib/ocr/recognition-worker.ts);
 * throws whatever the image decoder or the engine throws.
 */
export async function readLicence(bytes: Uint8Array): Promise<Reading> {
  const started = performance.now();
  const page = await loadImage(bytes);
  // The detector's copy of the page: searched for the QR code first, read from if the page is read as it is.
  const copy = await detectionCopy(page);
  // The QR code's finder patterns say which way is up, whatever the code says.
  const qr = await findQr(page, copy).catch((): QrReading | null => null);
  let best: Reading = { ...NOTHING_READ, rotation: qr ? uprightTurn(qr.angle) : 0 };
  let enhancedTried = false;
  const plan = attemptPlan(qr ? uprightTurn(qr.angle) : null);
  for (let i = 0; i < plan.length; i++) {
    const attempt = plan[i]!;
    if (i > 0 && performance.now() - started > RETRY_BUDGET_MS) break;
    const turned = await turn(page, attempt.rotation);
    enhancedTried ||= attempt.enhanced;
    const fieldsOf = (lines: readonly OcrLine[]) => extractLicenceFields(lines, qr?.data ?? null);
    // The rows below 名称 and the code (经营范围, 住所…) are read only until both are sure and
    // the next few boxes left them as they were (a long 名称 wraps onto the next row).
    let last: Reading | null = null;
    let unchanged = 0;
    const enough = (sofar: readonly OcrLine[]) => {
      const now = mergeReading(best, fieldsOf(sofar), attempt.rotation);
      unchanged = last !== null && now.name === last.name && now.code === last.code ? unchanged + 1 : 0;
      last = now;
      return complete(now, enhancedTried) && unchanged >= SETTLED_AFTER_BOXES;
    };
    const image = attempt.enhanced ? await enhance(turned) : turned;
    const lines = await readText(image, enough, image === page ? copy : undefined);
    best = mergeReading(best, fieldsOf(lines), attempt.rotation);
    if (complete(best, enhancedTried)) break;
    // Both fields read, the name unsure: one more reading, enhanced, at the turn that worked — then done.
    if (best.code !== null && best.nameFrom === 'label') plan.splice(i + 1, plan.length, { rotation: best.rotation, enhanced: true });
    // Nothing at all to read: no other turn will find text either.
    if (lines.length === 0) break;
  }
  return best;
}
