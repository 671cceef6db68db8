import { normaliseIdentifier } from '../normalise';
import { type CalendarDate, compareCalendarDates, parseCompactDate } from './calendar-date';
import { characterValues, weightedSum } from './checksum';

/** GB 11643-1999: weight of position i (1-based from the left) is 2^(18−i) mod 11. */
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** GB 11643-1999: Σ mod 11 = 0, 1, 2 … 10 gives check character 1, 0, X, 9 … 2. */
const CHECK_CHARS = '10X98765432';
const DIGITS = '0123456789';

/**
 * GB/T 2260 province-level codes of the mainland. 71 (台湾) and 81/82 (香港/澳门) are
 * in GB/T 2260 but no resident ID is issued under them; 81/82/83 prefix the
 * residence permits we refuse (see permits.ts).
 */
export const MAINLAND_PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
]);

/**
 * Only a floor against garbage such as year 0000: GB 11643 itself shows a holder born
 * in 1880 (440524188001010014), so no "plausibly alive" limit is applied here.
 */
const EARLIEST_BIRTH_YEAR = 1800;

const SHAPE = /^\d{17}[\dX]$/;

export type ResidentIdRefusal = 'format' | 'province' | 'birth_date' | 'future_birth_date' | 'check_char';

export type ResidentIdResult =
  | { ok: true; value: string; birthDate: CalendarDate }
  | { ok: false; reason: ResidentIdRefusal };

/** SPEC §10: full-width → half-width, spaces removed, lower-case x stored as X. */
export function normaliseResidentId(input: string): string {
  return normaliseIdentifier(input);
}

/** The GB 11643 check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('residentIdCheckChar: expected 17 digits');
  const remainder = weightedSum(characterValues(first17, DIGITS), CHECK_WEIGHTS) % 11;
  return CHECK_CHARS.charAt(remainder);
}

/**
 * SPEC §10 mainland resident ID (second generation, 18 characters). The 6-digit area
 * code is checked only for its province: counties are merged and renumbered, and
 * holders keep the number they were given, so retired area codes stay valid.
 * `today` is the product clock's day (R-LIM-4 uses the same date).
 */
export function validateResidentId(input: string, today: CalendarDate): ResidentIdResult {
  const value = normaliseResidentId(input);
  if (!SHAPE.test(value)) return { ok: false, reason: 'format' };
  if (!MAINLAND_PROVINCE_CODES.has(value.slice(0, 2))) return { ok: false, reason: 'province' };

  const birthDate = parseCompactDate(value.slice(6, 14));
  if (!birthDate || birthDate.year < EARLIEST_BIRTH_YEAR) return { ok: false, reason: 'birth_date' };
  if (compareCalendarDates(birthDate, today) > 0) return { ok: false, reason: 'future_birth_date' };

  if (residentIdCheckChar(value.slice(0, 17)) !== value.charAt(17)) return { ok: false, reason: 'check_char' };
  return { ok: true, value, birthDate };
}

/**
 * Fixture generator: a resident ID with the right check character, e.g.
 * `makeResidentId('110105', '19491231', '002')` → `11010519491231002X`.
 * Does not check the date or province, so tests can build invalid-but-well-checked numbers.
 */
export function makeResidentId(areaCode6: string, yyyymmdd: string, seq3: string): string {
  const first17 = `${areaCode6}${yyyymmdd}${seq3}`;
  if (!/^\d{6}$/.test(areaCode6) || !/^\d{8}$/.test(yyyymmdd) || !/^\d{3}$/.test(seq3)) {
    throw new Error(`makeResidentId: expected 6 + 8 + 3 digits, got '${first17}'`);
  }
  return first17 + residentIdCheckChar(first17);
}
