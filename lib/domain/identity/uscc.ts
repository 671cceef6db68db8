import { normaliseIdentifier } from '../normalise';
import { characterValues, weightedSum } from './checksum';
import { organisationCodeCheckChar, validateOrganisationCode } from './organisation-code';

/** GB 32100-2015: 0-9 then A=10 … Y=30, leaving out I O Z S V (easily misread). */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** GB 32100-2015 weights: 3^(i−1) mod 31 for positions 1–17. */
const CHECK_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const MODULUS = 31;

const SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;
const FIRST_17 = /^[0-9A-HJ-NP-RTUW-Y]{17}$/;
const LOOKS_LIKE_A_CODE = /^[0-9A-Z]{18}$/;
const FORBIDDEN_LETTERS = /[IOZSV]/;
/** Positions 1–2: registration authority and entity type; 3–8: the registering area (GB/T 2260). */
const HEAD = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}$/;

export type UsccRefusal = 'format' | 'forbidden_letter' | 'check_char' | 'organisation_code';
export type UsccResult = { ok: true; value: string } | { ok: false; reason: UsccRefusal };

export function normaliseUscc(input: string): string {
  return normaliseIdentifier(input);
}

/** GB 32100-2015: value = 31 − (Σ mod 31), 31 written as 0. */
export function usccCheckChar(first17: string): string {
  if (!FIRST_17.test(first17)) throw new Error('usccCheckChar: expected 17 characters of the USCC alphabet');
  const value = (MODULUS - (weightedSum(characterValues(first17, USCC_ALPHABET), CHECK_WEIGHTS) % MODULUS)) % MODULUS;
  return USCC_ALPHABET.charAt(value);
}

/**
 * 统一社会信用代码 (SPEC §10). Positions 9–17 are the 组织机构代码 (主体标识码), whose
 * own GB 11714 check must hold as well.
 */
export function validateUscc(input: string): UsccResult {
  const value = normaliseUscc(input);
  if (!SHAPE.test(value)) {
    const forbidden = LOOKS_LIKE_A_CODE.test(value) && FORBIDDEN_LETTERS.test(value);
    return { ok: false, reason: forbidden ? 'forbidden_letter' : 'format' };
  }
  if (usccCheckChar(value.slice(0, 17)) !== value.charAt(17)) return { ok: false, reason: 'check_char' };
  if (!validateOrganisationCode(value.slice(8, 17)).ok) return { ok: false, reason: 'organisation_code' };
  return { ok: true, value };
}

/**
 * Fixture generator: `head8` is positions 1–8 (e.g. `91350100`: 工商 enterprise in
 * 福州), `organisationBody8` the organisation code body; both check characters are
 * computed. `makeUscc('91350100', 'M000100Y')` → `91350100M000100Y43`.
 */
export function makeUscc(head8: string, organisationBody8: string): string {
  if (!HEAD.test(head8)) throw new Error(`makeUscc: '${head8}' is not 2 USCC characters + 6 digits`);
  const first17 = head8 + organisationBody8 + organisationCodeCheckChar(organisationBody8);
  return first17 + usccCheckChar(first17);
}
