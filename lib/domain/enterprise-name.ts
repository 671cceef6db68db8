import type { Phrase } from './phrase';
import { toHalfWidth } from './normalise';

export const ENTERPRISE_NAME_MIN = 2;
export const ENTERPRISE_NAME_MAX = 100;

/**
 * What an enterprise name may contain: CJK ideographs, Latin letters, digits, the space
 * and the punctuation registered names use (（）·&-.,、' — e.g. 云端计算科技（北京）有限公司,
 * A&B Co., Ltd.).
 */
const ALLOWED = /^[\p{Script=Han}A-Za-z0-9 \uFF08\uFF09·&\-.,\u3001'’]+$/u;

/**
 * The one written form of an enterprise name, so that names typed differently compare
 * equal and nothing else does: trimmed, inner white space collapsed, full-width Latin
 * letters and digits folded to half width, and round brackets written full width
 * （）as registered Chinese names print them. Every comparison of names (R-E-REG with
 * the registry, R-E-OA with the Official Account's verified name, R-LIM-2 keys) is
 * made between canonical forms; beyond these typing variants it is exact.
 */
export function canonicalEnterpriseName(input: string): string {
  return toHalfWidth(input)
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\s*[(\uFF08]\s*/g, '\uFF08')
    .replace(/\s*[)\uFF09]\s*/g, '\uFF09')
    .replace(/[•・‧∙⋅]/g, '·');
}

/** Whether two names are the same name (both canonicalised). */
export function sameEnterpriseName(a: string, b: string): boolean {
  return canonicalEnterpriseName(a) === canonicalEnterpriseName(b);
}

/** Why a name is refused, as the catalogue's key (lib/messages/zh-CN/identity.ts). */
export type EnterpriseNameMessage = Phrase<'identity.enterpriseName.required' | 'identity.enterpriseName.length' | 'identity.enterpriseName.characters'>;

export type EnterpriseNameResult = { ok: true; value: string } | { ok: false; message: EnterpriseNameMessage };

/** SPEC §5.1 企业名称: "请严格按照营业执照企业名称填写". */
export function validateEnterpriseName(input: string): EnterpriseNameResult {
  const value = canonicalEnterpriseName(input);
  if (value === '') return { ok: false, message: { code: 'identity.enterpriseName.required' } };
  const length = [...value].length;
  if (length < ENTERPRISE_NAME_MIN || length > ENTERPRISE_NAME_MAX) {
    return { ok: false, message: { code: 'identity.enterpriseName.length', params: { min: ENTERPRISE_NAME_MIN, max: ENTERPRISE_NAME_MAX } } };
  }
  if (!ALLOWED.test(value)) return { ok: false, message: { code: 'identity.enterpriseName.characters' } };
  return { ok: true, value };
}
