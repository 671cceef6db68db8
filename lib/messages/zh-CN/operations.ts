import { isChangeType } from '@/lib/domain/change/change-types';
import { failureLabel, type InsightFailure, type InsightLabel } from '@/lib/domain/insights';
import { isReviewCaseKind } from '@/lib/domain/review/kinds';
import { formatEntry, type MessageEntry } from '../format';
import { changeMessages } from './change';
import { reviewMessages } from './review';
import { verificationMessages } from './verification';

const CHANNEL: Record<string, string> = { email: '邮件', sms: '短信', wechat: '微信消息', webhook: '事件回调' };

/** The names on 运营看板's charts and tables (lib/domain/insights.ts picks them). */
const labels = {
  'operations.insights.kind.personal': '个人认证',
  'operations.insights.kind.enterprise': '企业认证',
  // Short names of every failure code the verifications and bank runs store.
  'operations.insights.failure.mismatch': '实名信息不一致',
  'operations.insights.failure.no_bank_card': '未绑定银行卡',
  'operations.insights.failure.liveness_failed': '活体检测失败',
  'operations.insights.failure.face_mismatch': '人像比对不一致',
  'operations.insights.failure.identity_limit': '证件认证账号数已达上限',
  'operations.insights.failure.minor': '未满18周岁',
  'operations.insights.failure.subject_exists': '账号已完成实名认证',
  'operations.insights.failure.oa_name_mismatch': '公众号主体名称不一致',
  'operations.insights.failure.oa_unverified': '公众号未认证',
  'operations.insights.failure.legal_rep_not_registered': '法人信息与工商登记不一致',
  'operations.insights.failure.enterprise_limit': '企业认证账号数已达上限',
  'operations.insights.failure.recharge_chances_used': '充值校验机会用完',
  'operations.insights.failure.recharge_expired': '充值超过有效期',
  'operations.insights.failure.payout_amount_wrong': '打款金额两次错误',
  'operations.insights.failure.payout_expired': '打款金额超过有效期',
  'operations.insights.failure.holder_name_mismatch': '打款失败：户名不一致',
  'operations.insights.failure.account_not_found': '打款失败：账户不存在',
  'operations.insights.failure.expired': '超过有效期',
  'operations.insights.failure.other': '其他（{code}）',
  'operations.insights.method': (p: { method: string }) => (p.method === '' ? '全部方式' : (methodName(p.method) ?? p.method)),
  'operations.insights.changeType': (p: { type: string }) => (p.type === '' ? '未选择变更类型' : isChangeType(p.type) ? changeMessages[`change.type.${p.type}`] : p.type),
  'operations.insights.reviewKind': (p: { kind: string }) => (isReviewCaseKind(p.kind) ? reviewMessages[`review.kind.${p.kind}`] : p.kind),
  'operations.insights.channel': (p: { channel: string }) => CHANNEL[p.channel] ?? p.channel,
} as const satisfies Record<InsightLabel['code'], MessageEntry> & Record<`operations.insights.failure.${InsightFailure}`, MessageEntry>;

const failure = (code: string) => {
  const l = failureLabel(code);
  return formatEntry(labels[l.code], 'params' in l ? l.params : undefined);
};

/**
 * 运营看板 (issue 20): its periods, names, and every chart's table (the screen-reader
 * table under the chart and its 导出CSV are the same rows).
 */
export const operationsMessages = {
  ...labels,
  'operations.insights.period': '近{days}天',

  'operations.insights.chart.funnel': '认证漏斗',
  'operations.insights.chart.trend': '成功率趋势',
  'operations.insights.chart.durations': '认证耗时',
  'operations.insights.chart.reviews': '审核时效',
  'operations.insights.chart.bank': '对公打款 / 充值认证',
  'operations.insights.chart.changes': '主体变更',
  'operations.insights.chart.delivery': '消息投递',

  'operations.insights.column.kind': '认证类型',
  'operations.insights.column.step': '步骤',
  'operations.insights.column.count': '数量',
  'operations.insights.column.day': '日期',
  'operations.insights.column.ended': '结束数',
  'operations.insights.column.succeeded': '成功数',
  'operations.insights.column.rate': '成功率',
  'operations.insights.column.method': '认证方式',
  'operations.insights.column.medianMinutes': '中位数（分钟）',
  'operations.insights.column.p90Minutes': '90分位（分钟）',
  'operations.insights.column.item': '项目',
  'operations.insights.column.reviewKind': '审核单类型',
  'operations.insights.column.onTimeRate': '按时审结率',
  'operations.insights.column.changeType': '变更类型',
  'operations.insights.column.channel': '渠道',
  'operations.insights.column.due': '待投递（已到期）',
  'operations.insights.column.oldestDueMinutes': '最早到期消息已等待（分钟）',
  'operations.insights.column.failedInPeriod': '本期投递失败',

  'operations.insights.state.completed': '已完成',
  'operations.insights.state.confirmed': '已确认',
  'operations.insights.state.cancelled': '已撤销',
  'operations.insights.state.expired': '已过期',
  'operations.insights.state.inProgress': '进行中',

  'operations.insights.funnel.started': '开始认证',
  'operations.insights.funnel.methodChosen': '已选择认证方式',
  'operations.insights.funnel.channelOpened': '已打开认证渠道',
  'operations.insights.funnel.succeeded': '认证成功',
  'operations.insights.funnel.failed': '认证失败',
  'operations.insights.funnel.failedBecause': (p: { failure: string }) => `认证失败：${failure(p.failure)}`,
  'operations.insights.funnel.abandoned': '放弃（超时关闭）',

  'operations.insights.reviews.waiting': '待审核，已等待 {bucket} 个工作日',
  'operations.insights.reviews.allKinds': '全部',
  'operations.insights.reviews.decided': '本期审结',
  'operations.insights.reviews.decidedOnTime': '本期按时审结',
  'operations.insights.reviews.overdue': '当前逾期',

  'operations.insights.bank.issued.recharge': '已下发金额',
  'operations.insights.bank.issued.payout': '已提交打款申请',
  'operations.insights.bank.paid': '已打款',
  'operations.insights.bank.failedBecause': (p: { failure: string }) => `失败：${failure(p.failure)}`,
  'operations.insights.bank.chancesUsed': '已用校验机会 {count} 次',
} as const satisfies Record<string, MessageEntry>;

function methodName(method: string): string | undefined {
  const entry: unknown = (verificationMessages as Record<string, unknown>)[`verification.method.${method}`];
  return typeof entry === 'string' ? entry : undefined;
}
