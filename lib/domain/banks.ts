/**
 * 开户银行 (SPEC R-E-PAY 1): the bank list of the payout form — the policy banks, the
 * large state-owned and joint-stock commercial banks, and the larger city banks. A bank
 * not listed is refused: a payout needs a bank the channel routes to.
 */
export const BANKS = [
  '中国工商银行',
  '中国农业银行',
  '中国银行',
  '中国建设银行',
  '交通银行',
  '中国邮政储蓄银行',
  '国家开发银行',
  '中国进出口银行',
  '中国农业发展银行',
  '招商银行',
  '浦发银行',
  '中信银行',
  '中国光大银行',
  '华夏银行',
  '中国民生银行',
  '广发银行',
  '兴业银行',
  '平安银行',
  '浙商银行',
  '恒丰银行',
  '渤海银行',
  '北京银行',
  '上海银行',
  '江苏银行',
  '南京银行',
  '宁波银行',
  '杭州银行',
  '徽商银行',
  '北京农村商业银行',
  '上海农村商业银行',
  '深圳农村商业银行',
  '微众银行',
  '网商银行',
] as const;

export type BankName = (typeof BANKS)[number];

export function isBankName(value: string): value is BankName {
  return (BANKS as readonly string[]).includes(value);
}
