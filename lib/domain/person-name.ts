import type { Phrase } from './phrase';
import { normaliseText } from './normalise';

export const PERSON_NAME_MIN = 2;
export const PERSON_NAME_MAX = 30;

/** Dots people type for the separator of transliterated names (阿卜杜·热合曼). */
const DOT_VARIANTS = /[•・‧∙⋅\uFF0E.]/g;
/** CJK ideographs (with extensions A–F), Latin letters, space and the middle dot. */
const ALLOWED = /^[\p{Script=Han}A-Za-z ·]+$/u;

/** Trims, folds full-width forms and unifies the dots to U+00B7. */
export function normalisePersonName(input: string): string {
  return normaliseText(input).replace(DOT_VARIANTS, '·');
}

/** Why a name is refused, as the catalogue's key (lib/messages/zh-CN/identity.ts); `label` names the field when not 真实姓名. */
export type PersonNameMessage = Phrase<'identity.personName.required' | 'identity.personName.length' | 'identity.personName.characters'>;

export type PersonNameResult = { ok: true; value: string } | { ok: false; message: PersonNameMessage };

/**
 * SPEC §4.1 真实姓名: as on the document; 2–30 characters; CJK, Latin letters, space and ·.
 * The same rule serves every person-name field (企业联系人姓名, 企业法人姓名): `label` names
 * the field in the messages (真实姓名 when absent).
 */
export function validatePersonName(input: string, label?: string): PersonNameResult {
  const value = normalisePersonName(input);
  const named: Record<string, string> = label === undefined ? {} : { label };
  if (value === '') return { ok: false, message: { code: 'identity.personName.required', params: named } };
  const length = [...value].length;
  if (length < PERSON_NAME_MIN || length > PERSON_NAME_MAX) {
    return { ok: false, message: { code: 'identity.personName.length', params: { ...named, min: PERSON_NAME_MIN, max: PERSON_NAME_MAX } } };
  }
  if (!ALLOWED.test(value) || /^·|·$/.test(value)) {
    return { ok: false, message: { code: 'identity.personName.characters', params: named } };
  }
  return { ok: true, value };
}
