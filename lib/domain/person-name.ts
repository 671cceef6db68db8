import { normaliseText } from './normalise';

export const PERSON_NAME_MIN = 2;
export const PERSON_NAME_MAX = 30;

/** Dots people type for the separator of transliterated names (阿卜杜·热合曼). */
const DOT_VARIANTS = /[•・‧∙⋅．.]/g;
/** CJK ideographs (with extensions A–F), Latin letters, space and the middle dot. */
const ALLOWED = /^[\p{Script=Han}A-Za-z ·]+$/u;

/** Trims, folds full-width forms and unifies the dots to U+00B7. */
export function normalisePersonName(input: string): string {
  return normaliseText(input).replace(DOT_VARIANTS, '·');
}

export type PersonNameResult = { ok: true; value: string } | { ok: false; message: string };

/**
 * SPEC §4.1 真实姓名: as on the document; 2–30 characters; CJK, Latin letters, space and ·.
 * The same rule serves every person-name field (企业联系人姓名, 企业法人姓名): `label` names
 * the field in the messages.
 */
export function validatePersonName(input: string, label = '真实姓名'): PersonNameResult {
  const value = normalisePersonName(input);
  if (value === '') return { ok: false, message: `请填写${label}` };
  const length = [...value].length;
  if (length < PERSON_NAME_MIN || length > PERSON_NAME_MAX) {
    return { ok: false, message: `${label}应为 ${PERSON_NAME_MIN}–${PERSON_NAME_MAX} 个字符` };
  }
  if (!ALLOWED.test(value) || /^·|·$/.test(value)) {
    return { ok: false, message: `${label}只能包含汉字、英文字母、空格和间隔号“·”` };
  }
  return { ok: true, value };
}
