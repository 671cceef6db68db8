import type { MessageEntry } from '../format';

/** The enterprise wizard's and the verification steps' own refinements of the error table (lib/features/enterprise, personal, payout). */
export const enterpriseMessages = {
  // R-E-REG: the name typed is one the registry lists as the enterprise's former name.
  'enterprise.registry.formerName': '您填写的是该企业的曾用名，请按最新营业执照填写现用企业名称',
  'enterprise.address.invalid': '请选择有效的省份、城市和区县',
  'enterprise.licence.missing': '上传的证照不存在，请重新上传',
  'enterprise.quota.range': '账号数量上限应为 {min}–{max} 之间的整数',
  'enterprise.quota.reasonRequired': '请填写调整原因',
  'enterprise.quota.noSubject': '（尚无认证主体）',
  'enterprise.bank.regionRequired': '请选择银行所在地',
  'enterprise.upload.again': '请重新上传该照片',
} as const satisfies Record<string, MessageEntry>;
