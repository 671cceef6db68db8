import type { WithdrawalFailure } from '@/lib/domain/balance';
import type { MessageEntry } from '../format';

/** 余额 (R-E-RCH 3): its history's kinds and states, and the bank's refusals of a withdrawal (lib/domain/balance.ts). */
export const balanceMessages = {
  'balance.entry.recharge_credit': '充值认证入账',
  'balance.entry.withdrawal': '原路提现',
  'balance.state.credited': '已入账',
  'balance.state.withdrawal.pending': '处理中',
  'balance.state.withdrawal.requested': '处理中',
  'balance.state.withdrawal.settled': '已到账',
  'balance.state.withdrawal.failed': '提现失败，已返还余额',
  'balance.withdrawalFailed.holder_name_mismatch': '收款账户户名与付款账户不一致，银行已退回，款项已返还至余额',
  'balance.withdrawalFailed.account_not_found': '原付款账户不存在或已销户，银行已退回，款项已返还至余额',
  'balance.withdrawalFailed.rejected': '银行拒绝了本次提现，款项已返还至余额',
} as const satisfies Record<string, MessageEntry> & Record<`balance.withdrawalFailed.${WithdrawalFailure}`, MessageEntry>;
