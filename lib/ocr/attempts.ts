import type { ExtractedFields } from './extract';
import type { QuarterTurn } from './image';

/**
 * Which readings a recognition tries, and how their fields combine. Pure.
 */

export interface Attempt {
  rotation: QuarterTurn;
  /** Contrast stretched and sharpened first (lib/ocr/image.ts `enhance`). */
  enhanced: boolean;
}

/** Without a QR code to say which way is up: upright first, then the ways a phone usually turns a photo. */
const TURNS: readonly QuarterTurn[] = [0, 90, 270, 180];

/**
 * With a QR code, its turn first, then the same turn enhanced (a page the QR code set
 * upright that reads badly is faint or soft), then the other turns. Without one, the
 * four turns, then upright enhanced.
 */
export function attemptPlan(qrTurn: QuarterTurn | null): Attempt[] {
  const first = qrTurn ?? 0;
  const plan: Attempt[] = [{ rotation: first, enhanced: false }];
  if (qrTurn !== null) plan.push({ rotation: first, enhanced: true });
  for (const rotation of TURNS) if (rotation !== first) plan.push({ rotation, enhanced: false });
  if (qrTurn === null) plan.push({ rotation: 0, enhanced: true });
  return plan;
}

export interface Reading {
  name: string | null;
  nameFrom: ExtractedFields['nameFrom'];
  nameConfidence: number | null;
  code: string | null;
  rotation: QuarterTurn;
}

export const NOTHING_READ: Reading = { name: null, nameFrom: null, nameConfidence: null, code: null, rotation: 0 };

/** Below this the engine often has one character wrong (科技 read 利技 on a blurred photo): worth an enhanced reading. */
export const SURE_NAME = 0.95;

const rank = (from: ExtractedFields['nameFrom']) => (from === 'label' ? 2 : from === 'pattern' ? 1 : 0);

/**
 * Adds one attempt's fields to what earlier attempts read.
 * - An attempt that read both a valid code and a name beside its 名称 label, after
 *   attempts that did not, is the answer, turn included.
 * - Otherwise the first valid code stays, and its attempt's turn is the answer's.
 * - A name read beside its label beats one that only looks like a name; between two
 *   alike, the more confident one wins, and one read with the first code beats an
 *   earlier one.
 */
export function mergeReading(best: Reading, fields: ExtractedFields, rotation: QuarterTurn): Reading {
  const whole = fields.code !== null && fields.nameFrom === 'label';
  if (whole && !(best.code !== null && best.nameFrom === 'label')) {
    return { name: fields.name, nameFrom: fields.nameFrom, nameConfidence: fields.nameConfidence, code: fields.code, rotation };
  }
  const codeHere = best.code === null && fields.code !== null;
  const sameRank = fields.name !== null && rank(fields.nameFrom) === rank(best.nameFrom);
  const takeName =
    rank(fields.nameFrom) > rank(best.nameFrom) || (sameRank && (codeHere || (fields.nameConfidence ?? 0) > (best.nameConfidence ?? 0)));
  return {
    code: best.code ?? fields.code,
    name: takeName ? fields.name : best.name,
    nameFrom: takeName ? fields.nameFrom : best.nameFrom,
    nameConfidence: takeName ? fields.nameConfidence : best.nameConfidence,
    rotation: codeHere || (best.code === null && takeName) ? rotation : best.rotation,
  };
}

/**
 * Done: a valid code and a name read beside its label — confidently, or already once
 * more from an enhanced image.
 */
export function complete(reading: Reading, enhancedTried: boolean): boolean {
  return reading.code !== null && reading.nameFrom === 'label' && (enhancedTried || (reading.nameConfidence ?? 0) >= SURE_NAME);
}
