import { normaliseIdentifier } from '../normalise';

/** SPEC §10: `H` (香港) or `M` (澳门) + 8 digits (current cards) or + 10 digits (older cards). */
const HK_MACAU_PERMIT = /^[HM](\d{8}|\d{10})$/;
/** SPEC §10: 8 digits (current cards) or 10 digits (older cards). */
const TAIWAN_PERMIT = /^(\d{8}|\d{10})$/;

/**
 * Documents R-LIM-5 does not accept, recognised only so the message can name them.
 * 港澳台居民居住证 follow the GB 11643 layout under the "areas" 810000 (香港),
 * 820000 (澳门) and 830000 (台湾); the foreign permanent-residence ID card (2023
 * edition) has 18 characters starting 9.
 */
const HMT_RESIDENCE_PERMIT = /^8[123]\d{15}[\dX]$/;
const FOREIGN_PERMANENT_RESIDENCE_CARD = /^9\d{16}[\dX]$/;

export type PermitResult = { ok: true; value: string } | { ok: false; reason: 'format' };

export type RefusedDocumentKind = 'hmt_residence_permit' | 'foreign_permanent_residence_card';

function matching(pattern: RegExp, input: string): PermitResult {
  const value = normaliseIdentifier(input);
  return pattern.test(value) ? { ok: true, value } : { ok: false, reason: 'format' };
}

/** 港澳居民来往内地通行证 (回乡证). */
export function validateHkMacauPermit(input: string): PermitResult {
  return matching(HK_MACAU_PERMIT, input);
}

/** 台湾居民来往大陆通行证 (台胞证). */
export function validateTaiwanPermit(input: string): PermitResult {
  return matching(TAIWAN_PERMIT, input);
}

/** Which refused document the input looks like, if any (R-LIM-5). */
export function recogniseRefusedDocument(input: string): RefusedDocumentKind | null {
  const value = normaliseIdentifier(input);
  if (HMT_RESIDENCE_PERMIT.test(value)) return 'hmt_residence_permit';
  if (FOREIGN_PERMANENT_RESIDENCE_CARD.test(value)) return 'foreign_permanent_residence_card';
  return null;
}
