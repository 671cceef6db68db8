import { BANKS } from '@/lib/domain/banks';
import type { MessageEntry } from '../format';

/** 开户银行 (SPEC R-E-PAY 1): each bank's name, keyed by its code in lib/domain/banks.ts. */
export const banksMessages = {
  'bank.icbc': '中国工商银行',
  'bank.abc': '中国农业银行',
  'bank.boc': '中国银行',
  'bank.ccb': '中国建设银行',
  'bank.bocom': '交通银行',
  'bank.psbc': '中国邮政储蓄银行',
  'bank.cdb': '国家开发银行',
  'bank.cexim': '中国进出口银行',
  'bank.adbc': '中国农业发展银行',
  'bank.cmb': '招商银行',
  'bank.spdb': '浦发银行',
  'bank.citic': '中信银行',
  'bank.ceb': '中国光大银行',
  'bank.hxb': '华夏银行',
  'bank.cmbc': '中国民生银行',
  'bank.cgb': '广发银行',
  'bank.cib': '兴业银行',
  'bank.pab': '平安银行',
  'bank.czb': '浙商银行',
  'bank.hfb': '恒丰银行',
  'bank.cbhb': '渤海银行',
  'bank.bob': '北京银行',
  'bank.bosc': '上海银行',
  'bank.jsb': '江苏银行',
  'bank.njcb': '南京银行',
  'bank.nbcb': '宁波银行',
  'bank.hzcb': '杭州银行',
  'bank.hsb': '徽商银行',
  'bank.bjrcb': '北京农村商业银行',
  'bank.shrcb': '上海农村商业银行',
  'bank.szrcb': '深圳农村商业银行',
  'bank.webank': '微众银行',
  'bank.mybank': '网商银行',
} as const satisfies Record<string, MessageEntry>;

/** The names in the list's order: the payout form's options (the value posted and stored is the name). */
export const BANK_NAMES: readonly string[] = BANKS.map((code) => banksMessages[`bank.${code}`]);

export function isBankName(value: string): boolean {
  return BANK_NAMES.includes(value);
}
