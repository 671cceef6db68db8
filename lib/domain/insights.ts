import { chinaDayKey, shiftDay, type DayKey } from './business-days';
import { ENTERPRISE_FAILURES, type EnterpriseFailure } from './verification/enterprise-outcome';
import { PAYOUT_BANK_FAILURES, type PayoutBankFailure } from './verification/payout-outcome';
import { PERSONAL_FAILURES, type PersonalFailure } from './verification/personal-outcome';

/**
 * 运营看板 (issue 20): the periods, the rules the numbers follow and the tables every chart
 * is also given as (for screen readers and 导出CSV). Pure: time comes in.
 */

export const INSIGHT_PERIODS = [7, 30, 90] as const;
export type InsightPeriod = (typeof INSIGHT_PERIODS)[number];
export const DEFAULT_INSIGHT_PERIOD: InsightPeriod = 30;

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

/** Every failure code the verifications and bank runs store, for the by-reason tables. */
export type InsightFailure = PersonalFailure | EnterpriseFailure | PayoutBankFailure;

const KNOWN_FAILURES = new Set<string>([...PERSONAL_FAILURES, ...ENTERPRISE_FAILURES, ...PAYOUT_BANK_FAILURES]);

/**
 * A name on a chart or in a table, not yet worded: the catalogue's `operations.insights.*`
 * (lib/messages/zh-CN/operations.ts). Codes the product does not know (a method, a change
 * type or a failure added later) are still shown, as themselves.
 */
export type InsightLabel =
  | { code: `operations.insights.kind.${'personal' | 'enterprise'}` }
  | { code: `operations.insights.failure.${InsightFailure | 'expired'}` }
  | { code: 'operations.insights.failure.other'; params: { code: string } }
  /** `method`: '' for all methods together. */
  | { code: 'operations.insights.method'; params: { method: string } }
  /** `type`: '' while none was chosen. */
  | { code: 'operations.insights.changeType'; params: { type: string } }
  | { code: 'operations.insights.reviewKind'; params: { kind: string } }
  | { code: 'operations.insights.channel'; params: { channel: string } };

export function kindLabel(kind: 'personal' | 'enterprise'): InsightLabel {
  return { code: `operations.insights.kind.${kind}` };
}

export function failureLabel(code: string): InsightLabel {
  if (KNOWN_FAILURES.has(code) || code === 'expired') return { code: `operations.insights.failure.${code as InsightFailure | 'expired'}` };
  return { code: 'operations.insights.failure.other', params: { code } };
}

export function methodLabel(method: string | null): InsightLabel {
  return { code: 'operations.insights.method', params: { method: method ?? '' } };
}

export function changeTypeLabel(type: string | null): InsightLabel {
  return { code: 'operations.insights.changeType', params: { type: type ?? '' } };
}

export function reviewKindLabel(kind: string): InsightLabel {
  return { code: 'operations.insights.reviewKind', params: { kind } };
}

/** The outbox's channels and integrators' webhooks (邮件, 短信, 微信消息, 事件回调). */
export function channelLabel(channel: string): InsightLabel {
  return { code: 'operations.insights.channel', params: { channel } };
}
