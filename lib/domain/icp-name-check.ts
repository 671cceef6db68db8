import type { Phrase } from './phrase';
import { toHalfWidth } from './normalise';

/**
 * R-OWN-4: an ICP filing (备案) is possible only when the filing subject's name equals
 * the verified subject's name exactly — character for character. When it does not, say
 * precisely why, so that the user fixes the right thing (the filing system would only
 * say "不一致").
 */
export type IcpNameCheck =
  | { match: true }
  | {
      match: false;
      reason: 'not_verified' | 'empty' | 'leading_space' | 'trailing_space' | 'inner_space' | 'bracket_width' | 'character_width' | 'different';
      /** 1-based position of the first differing character, where one helps. */
      position?: number;
    };

/** Half-width round brackets and their full-width twins （）, both ways. */
const BRACKETS: Record<string, string> = { '(': '\uFF08', ')': '\uFF09', '\uFF08': '(', '\uFF09': ')' };

export function checkIcpSubjectName(verifiedName: string | null, filingName: string): IcpNameCheck {
  if (verifiedName === null) return { match: false, reason: 'not_verified' };
  if (filingName.trim() === '') return { match: false, reason: 'empty' };
  if (filingName === verifiedName) return { match: true };
  if (/^\s/.test(filingName) && filingName.trimStart() === verifiedName.trimStart()) return { match: false, reason: 'leading_space' };
  if (/\s$/.test(filingName) && filingName.trimEnd() === verifiedName.trimEnd()) return { match: false, reason: 'trailing_space' };
  if (filingName.replace(/\s/g, '') === verifiedName.replace(/\s/g, '')) return { match: false, reason: 'inner_space', position: firstDifference(filingName, verifiedName) };

  const position = firstDifference(filingName, verifiedName);
  if (filingName.length === verifiedName.length) {
    const differing = [...filingName].flatMap((c, i) => (c === verifiedName[i] ? [] : [[c, verifiedName[i]!] as const]));
    if (differing.every(([a, b]) => BRACKETS[a] === b)) return { match: false, reason: 'bracket_width', position };
    if (differing.every(([a, b]) => toHalfWidth(a) === toHalfWidth(b))) return { match: false, reason: 'character_width', position };
  }
  return { match: false, reason: 'different', position };
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i + 1;
}

export type IcpNameCheckCode = `icp.check.${'match' | Extract<IcpNameCheck, { match: false }>['reason']}`;

/** The explanation shown beside the result, as the catalogue's key (lib/messages/zh-CN/icp.ts) and the position. */
export function icpNameCheckMessage(check: IcpNameCheck): Phrase<IcpNameCheckCode> {
  if (check.match) return { code: 'icp.check.match' };
  return check.position ? { code: `icp.check.${check.reason}`, params: { position: check.position } } : { code: `icp.check.${check.reason}` };
}
