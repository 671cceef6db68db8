import type { AccountVerificationStatus } from '@/lib/domain/account-status';
import type { MessageEntry } from '../format';

/** 认证状态 on 账号信息 (SPEC §2; lib/domain/account-status.ts). */
export const accountStatusMessages = {
  'accountStatus.unverified': '未实名',
  'accountStatus.verified': '已认证',
  'accountStatus.in_review': '审核中',
  'accountStatus.changing': '变更中',
} as const satisfies Record<`accountStatus.${AccountVerificationStatus}`, MessageEntry>;
