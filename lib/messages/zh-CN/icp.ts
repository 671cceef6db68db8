import type { MessageEntry } from '../format';

/** （第 N 个字符）: where the first differing character is, when one helps. */
const at = (p: { position?: number }) => (p.position ? `（第 ${p.position} 个字符）` : '');

/** R-OWN-4 备案主体名称检查: why a filing subject's name is not the verified subject's (lib/domain/icp-name-check.ts). */
export const icpMessages = {
  'icp.check.match': '一致：备案主体名称与实名认证主体名称完全相同，可以进行备案。',
  'icp.check.not_verified': '不一致：账号尚未完成实名认证，请先完成实名认证再进行备案。',
  'icp.check.empty': '请输入备案主体名称。',
  'icp.check.leading_space': '不一致：备案主体名称开头有多余的空格，请删除。',
  'icp.check.trailing_space': '不一致：备案主体名称末尾有多余的空格，请删除。',
  'icp.check.inner_space': (p: { position?: number }) => `不一致：备案主体名称中的空格与实名认证主体名称不同${at(p)}。`,
  'icp.check.bracket_width': (p: { position?: number }) =>
    `不一致：括号的全角/半角不同${at(p)}。实名认证主体名称中的括号须原样填写（例如全角“（）”不能写作半角“()”）。`,
  'icp.check.character_width': (p: { position?: number }) => `不一致：字母、数字或符号的全角/半角不同${at(p)}，请按实名认证主体名称原样填写。`,
  'icp.check.different': (p: { position?: number }) =>
    `不一致：备案主体名称与实名认证主体名称不同${at(p)}。备案主体须与实名认证主体完全一致，如需更换主体请先修改认证主体。`,
} as const satisfies Record<string, MessageEntry>;
