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

const BRACKETS: Record<string, string> = { '(': '（', ')': '）', '（': '(', '）': ')' };

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

/** The Chinese explanation shown beside the result. */
export function icpNameCheckText(check: IcpNameCheck): string {
  if (check.match) return '一致：备案主体名称与实名认证主体名称完全相同，可以进行备案。';
  const at = check.position ? `（第 ${check.position} 个字符）` : '';
  switch (check.reason) {
    case 'not_verified':
      return '不一致：账号尚未完成实名认证，请先完成实名认证再进行备案。';
    case 'empty':
      return '请输入备案主体名称。';
    case 'leading_space':
      return '不一致：备案主体名称开头有多余的空格，请删除。';
    case 'trailing_space':
      return '不一致：备案主体名称末尾有多余的空格，请删除。';
    case 'inner_space':
      return `不一致：备案主体名称中的空格与实名认证主体名称不同${at}。`;
    case 'bracket_width':
      return `不一致：括号的全角/半角不同${at}。实名认证主体名称中的括号须原样填写（例如全角“（）”不能写作半角“()”）。`;
    case 'character_width':
      return `不一致：字母、数字或符号的全角/半角不同${at}，请按实名认证主体名称原样填写。`;
    case 'different':
      return `不一致：备案主体名称与实名认证主体名称不同${at}。备案主体须与实名认证主体完全一致，如需更换主体请先修改认证主体。`;
  }
}
