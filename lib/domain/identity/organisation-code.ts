import { normaliseIdentifier } from '../normalise';
import { characterValues, weightedSum } from './checksum';

/** GB 11714-1997: digits keep their value, letters A=10 … Z=35. */
const ORGANISATION_CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** GB 11714-1997 weights of the 8 body characters. */
const CHECK_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

const BODY = /^[0-9A-Z]{8}$/;
const SHAPE = /^[0-9A-Z]{8}[0-9X]$/;
/** Certificates print the code as `XXXXXXXX-X`; the hyphen is not part of it. */
const PRINTED_FORM = /^([0-9A-Z]{8})-([0-9A-Z])$/;

export type OrganisationCodeRefusal = 'format' | 'check_char';
export type OrganisationCodeResult = { ok: true; value: string } | { ok: false; reason: OrganisationCodeRefusal };

export function normaliseOrganisationCode(input: string): string {
  return normaliseIdentifier(input).replace(PRINTED_FORM, '$1$2');
}

/** GB 11714-1997: C = 11 − (Σ mod 11), written X for 10 and 0 for 11. */
export function organisationCodeCheckChar(body8: string): string {
  if (!BODY.test(body8)) throw new Error('organisationCodeCheckChar: expected 8 characters of 0-9A-Z');
  const check = 11 - (weightedSum(characterValues(body8, ORGANISATION_CODE_ALPHABET), CHECK_WEIGHTS) % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/** 组织机构代码 (SPEC §10): 8 body characters and a GB 11714 check character. */
export function validateOrganisationCode(input: string): OrganisationCodeResult {
  const value = normaliseOrganisationCode(input);
  if (!SHAPE.test(value)) return { ok: false, reason: 'format' };
  if (organisationCodeCheckChar(value.slice(0, 8)) !== value.charAt(8)) return { ok: false, reason: 'check_char' };
  return { ok: true, value };
}

/** Fixture generator: `makeOrganisationCode('M000100Y')` → `M000100Y4`. */
export function makeOrganisationCode(body8: string): string {
  return body8 + organisationCodeCheckChar(body8);
}
