import { validateRegistrationNumber, validateUscc } from '@/lib/domain/identity';
import { toHalfWidth } from '@/lib/domain/normalise';

/**
 * The code printed on a licence, as OCR reads it: a 统一社会信用代码 (18) or, on old
 * licences, a 15-digit 工商注册号. OCR confuses a few letters and digits; a letter is
 * turned into its digit only where the code cannot contain that letter, and a code is
 * kept only when its check characters hold (SPEC §10), so a misread is dropped rather
 * than guessed.
 */

/** Letters OCR reads for digits. */
const DIGIT_FOR: Readonly<Record<string, string>> = { O: '0', I: '1', Z: '2', S: '5', B: '8' };
/** GB 32100 leaves I O Z S V out of the alphabet: there they are always a misread digit. */
const NOT_IN_USCC_ALPHABET = new Set(['O', 'I', 'Z', 'S']);
/** Positions 3–8 (0-based 2–7) of a USCC are the area code: digits only. */
const USCC_DIGITS_FROM = 2;
const USCC_DIGITS_TO = 8;

export type CodeKind = 'uscc' | 'registration_number';

/** An 18-character window read as a USCC, letters fixed where the standard forbids them. */
export function fixUscc(window: string): string {
  return [...window]
    .map((c, i) => {
      const digit = DIGIT_FOR[c];
      if (digit === undefined) return c;
      if (NOT_IN_USCC_ALPHABET.has(c)) return digit;
      return i >= USCC_DIGITS_FROM && i < USCC_DIGITS_TO ? digit : c;
    })
    .join('');
}

/** A 15-character window read as a registration number: digits only, so each confusable letter is its digit. */
export function fixRegistrationNumber(window: string): string {
  return [...window].map((c) => DIGIT_FOR[c] ?? c).join('');
}

/** Upper-case Latin letters and digits only, full-width forms made half-width; everything else splits runs. */
export function alphanumericRuns(text: string): string[] {
  return toHalfWidth(text)
    .toUpperCase()
    .replace(/[\s\-_.·•'‘’]+/g, '')
    .match(/[0-9A-Z]+/g) ?? [];
}

export interface CodeCandidate {
  code: string;
  kind: CodeKind;
}

/**
 * Every valid code in a piece of text. A run of 18 or more letters and digits is tried
 * as a USCC (each 18-character window: two check characters make a chance pass about
 * 1 in 340); a run of exactly 15 as a registration number (its single check digit
 * passes one misread in ten, so no windows are cut from longer runs). Distinct, in the
 * order found.
 */
export function codesIn(text: string): CodeCandidate[] {
  const found: CodeCandidate[] = [];
  const add = (code: string, kind: CodeKind) => {
    if (!found.some((f) => f.code === code)) found.push({ code, kind });
  };
  for (const run of alphanumericRuns(text)) {
    if (run.length === 15) {
      const r = validateRegistrationNumber(fixRegistrationNumber(run));
      if (r.ok) add(r.value, 'registration_number');
      continue;
    }
    for (let i = 0; i + 18 <= run.length; i++) {
      const r = validateUscc(fixUscc(run.slice(i, i + 18)));
      if (r.ok) add(r.value, 'uscc');
    }
  }
  return found;
}
