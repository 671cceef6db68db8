import type { MessageEntry } from '../format';

/** A moment in a promise, Beijing time (as 对公打款进度查询 always printed it). */
const moment = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
const at = (ms: number) => moment.format(new Date(ms));

/** 对公打款认证 and 充值认证 (SPEC §5.2 R-E-PAY, R-E-RCH): the progress steps and what the pages and notices name. */
export const payoutMessages = {
  'payout.step.submit': '提交资料',
  'payout.step.operator': '经办人核验',
  'payout.step.review': '审核',
  'payout.step.payout': '打款',
  'payout.step.arrival': '到账',
  'payout.step.check': '校验',
  // {at}: epoch milliseconds.
  'payout.promise.review': (p: { days: number; at: number }) => `预计 ${p.days} 个工作日内完成审核（${at(p.at)} 前）`,
  'payout.promise.payout': '审核通过后发起打款，预计{days}个工作日内到账',
  'payout.promise.arrival': (p: { at: number }) => `预计 ${at(p.at)} 前到账`,
  'payout.promise.check': (p: { at: number }) => `请于 ${at(p.at)} 前填写收款金额`,
  // What a deadline notice names.
  'payout.deadline.what': '对公打款认证（填写收款金额）',
  // 填写收款金额 refused (R-E-PAY 5), beside the field.
  'payout.amount.wrong': '收款金额不正确，您还有{chancesLeft}/{chances}次验证机会',
  'payout.amount.refused.no_chances': '验证机会已用完，请重新发起认证',
  'payout.amount.refused.expired': '已超过填写期限（到账后 7 天），请重新发起认证',
  'payout.amount.refused.not_waiting': '当前无需填写收款金额，请刷新页面',
  'recharge.deadline.what': '充值认证',

  // 充值认证: why a transfer did not count, and its refund.
  'recharge.mismatch.amount': '金额与认证金额不一致',
  'recharge.mismatch.holder': '付款账户户名与企业名称不一致',
  'recharge.attempt.amount': '金额不符',
  'recharge.attempt.holder': '户名不符',
  'recharge.refund.pending': '退款中',
  'recharge.refund.settled': '已退回',
  'recharge.refund.failed': '退款失败，请联系客服',
} as const satisfies Record<string, MessageEntry>;
