import { chinaDayKey, shiftDay, type DayKey } from './business-days';
import { CHANGE_TYPE_LABEL, isChangeType } from './change/change-types';
import { REVIEW_CASE_KIND_LABEL, isReviewCaseKind } from './review/kinds';
import { ENTERPRISE_FAILURES, type EnterpriseFailure } from './verification/enterprise-outcome';
import { PAYOUT_BANK_FAILURES } from './verification/payout-outcome';
import { PERSONAL_FAILURES, type PersonalFailure } from './verification/personal-outcome';
// The method names until insights takes its words from the catalogue (`verification.method.<method>`, issue 17).
const VERIFICATION_METHOD_LABEL: Record<string, string> = {
  wechat: '微信扫码认证',
  qq: 'QQ扫码认证',
  face: '人脸识别认证',
  oa: '微信公众平台认证',
  legal_rep_wechat: '企业法人微信扫码认证',
  legal_rep_face: '企业法人人脸识别认证',
  recharge: '充值认证',
  payout: '企业对公打款认证',
};

/**
 * 运营看板 (issue 20): the periods, the rules the numbers follow and the tables every chart
 * is also given as (for screen readers and 导出CSV). Pure: time comes in.
 */

export const INSIGHT_PERIODS = [7, 30, 90] as const;
export type InsightPeriod = (typeof INSIGHT_PERIODS)[number];
export const DEFAULT_INSIGHT_PERIOD: InsightPeriod = 30;

export const INSIGHT_PERIOD_LABEL: Record<InsightPeriod, string> = { 7: '近7天', 30: '近30天', 90: '近90天' };

export function isInsightPeriod(value: number): value is InsightPeriod {
  return (INSIGHT_PERIODS as readonly number[]).includes(value);
}

/** The charts, in the page's order: each has its table and its 导出CSV. */
export const INSIGHT_CHARTS = ['funnel', 'trend', 'durations', 'reviews', 'bank', 'changes', 'delivery'] as const;
export type InsightChart = (typeof INSIGHT_CHARTS)[number];

export interface InsightRange {
  days: InsightPeriod;
  /** Beijing midnight that starts the first day. */
  from: Date;
  /** Now: the period is [from, to). */
  to: Date;
  /** Every Beijing day of the period, oldest first; the last is today. */
  dayKeys: DayKey[];
}

/** The last `days` Beijing calendar days, today included, up to now. */
export function insightRange(days: InsightPeriod, now: Date): InsightRange {
  const today = chinaDayKey(now);
  const dayKeys = Array.from({ length: days }, (_, i) => shiftDay(today, i - days + 1));
  return { days, from: new Date(`${dayKeys[0]}T00:00:00+08:00`), to: now, dayKeys };
}

/** A share in [0, 1], or null when there is nothing to divide (a chart leaves a gap, a table shows —). */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Open review cases by age: 0, 1, 2, 3, 4 and 5 or more business days. */
export const REVIEW_AGE_BUCKETS = ['0', '1', '2', '3', '4', '≥5'] as const;

export function reviewAgeBucket(ageBusinessDays: number): (typeof REVIEW_AGE_BUCKETS)[number] {
  return ageBusinessDays >= 5 ? '≥5' : REVIEW_AGE_BUCKETS[Math.max(0, Math.floor(ageBusinessDays))]!;
}

export const VERIFICATION_KIND_LABEL = { personal: '个人认证', enterprise: '企业认证' } as const;

/** Short names of every failure code the verifications and bank runs store, for the by-reason tables. */
const FAILURE_LABEL: Record<PersonalFailure | EnterpriseFailure | (typeof PAYOUT_BANK_FAILURES)[number], string> = {
  mismatch: '实名信息不一致',
  no_bank_card: '未绑定银行卡',
  liveness_failed: '活体检测失败',
  face_mismatch: '人像比对不一致',
  identity_limit: '证件认证账号数已达上限',
  minor: '未满18周岁',
  subject_exists: '账号已完成实名认证',
  oa_name_mismatch: '公众号主体名称不一致',
  oa_unverified: '公众号未认证',
  legal_rep_not_registered: '法人信息与工商登记不一致',
  enterprise_limit: '企业认证账号数已达上限',
  recharge_chances_used: '充值校验机会用完',
  recharge_expired: '充值超过有效期',
  payout_amount_wrong: '打款金额两次错误',
  payout_expired: '打款金额超过有效期',
  holder_name_mismatch: '打款失败：户名不一致',
  account_not_found: '打款失败：账户不存在',
};

const KNOWN_FAILURES = new Set<string>([...PERSONAL_FAILURES, ...ENTERPRISE_FAILURES, ...PAYOUT_BANK_FAILURES]);

export function failureLabel(code: string): string {
  return KNOWN_FAILURES.has(code) ? FAILURE_LABEL[code as keyof typeof FAILURE_LABEL] : code === 'expired' ? '超过有效期' : `其他（${code}）`;
}

export function methodLabel(method: string | null): string {
  return method === null ? '全部方式' : (VERIFICATION_METHOD_LABEL[method] ?? method);
}

export function changeTypeLabel(type: string | null): string {
  return type === null ? '未选择变更类型' : isChangeType(type) ? CHANGE_TYPE_LABEL[type] : type;
}

export function reviewKindLabel(kind: string): string {
  return isReviewCaseKind(kind) ? REVIEW_CASE_KIND_LABEL[kind] : kind;
}

export const OUTBOX_CHANNEL_LABEL: Record<string, string> = { email: '邮件', sms: '短信', wechat: '微信消息', webhook: '事件回调' };
