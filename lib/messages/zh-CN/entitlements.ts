import type { SpecialInvoiceRefusal } from '@/lib/domain/entitlements';
import type { MessageEntry } from '../format';

/** 发票与优惠资格 on 账号信息 (R-OWN-2, R-CHG-E6; lib/domain/entitlements.ts). */
export const entitlementsMessages = {
  'entitlements.specialInvoice.unverified': '完成实名认证后方可申请发票',
  'entitlements.specialInvoice.personal_subject': '个人认证主体不能申请增值税专用发票',
  'entitlements.formerTitleNote': '企业名称或认证主体变更后，原名称不能再作为增值税专用发票抬头',
} as const satisfies Record<string, MessageEntry> & Record<`entitlements.specialInvoice.${SpecialInvoiceRefusal}`, MessageEntry>;
