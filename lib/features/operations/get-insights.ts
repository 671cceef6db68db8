import {
  bankChances,
  bankFailures,
  bankMethods,
  changeRequestOutcomes,
  decidedReviewCases,
  deliveryFailures,
  openReviewCaseClocks,
  successDurations,
  verificationFailures,
  verificationFunnel,
  dailyOutcomes,
  type BankMethodRow,
  type DurationRow,
  type FunnelRow,
  type VerificationKind,
} from '@/db/queries/insights';
import { dueOutboxBacklog, dueWebhookBacklog } from '@/db/queries/operations';
import {
  changeTypeLabel,
  failureLabel,
  insightRange,
  methodLabel,
  OUTBOX_CHANNEL_LABEL,
  REVIEW_AGE_BUCKETS,
  reviewAgeBucket,
  reviewKindLabel,
  shareOf,
  VERIFICATION_KIND_LABEL,
  type InsightChart,
  type InsightPeriod,
  type InsightRange,
} from '@/lib/domain/insights';
import { REVIEW_CASE_KINDS } from '@/lib/domain/review/kinds';
import { reviewSla } from '@/lib/domain/review/sla';
import { BACK_OFFICE_ROLES } from '@/lib/domain/review/staff';
import { authorizeReviewStaff } from '@/lib/features/account';
import type { ServiceContext } from '../context';
import { getBusinessCalendar } from '@/lib/features/calendar';
import { OUTBOX_KINDS } from './get-operational-backlog';

const KINDS: readonly VerificationKind[] = ['personal', 'enterprise'];

export interface Insights {
  range: InsightRange;
  funnel: (FunnelRow & { failures: { code: string; label: string; count: number }[] })[];
  /** One point per day of the period and kind: success rate among the verifications that ended that day (null: none ended). */
  trend: { kind: VerificationKind; points: { day: string; ended: number; succeeded: number; rate: number | null }[] }[];
  durations: DurationRow[];
  reviews: {
    ageBuckets: { bucket: (typeof REVIEW_AGE_BUCKETS)[number]; count: number }[];
    /** Per case kind: decided in the period, of them by the due time, and open past due now. */
    byKind: { kind: string; decided: number; withinSla: number; share: number | null; open: number; overdue: number }[];
  };
  bank: (BankMethodRow & { failures: { code: string; label: string; count: number }[]; chances: { chancesUsed: number; count: number }[] })[];
  changes: { type: string | null; completed: number; cancelled: number; expired: number; inProgress: number }[];
  delivery: { channel: string; due: number; oldestDueAgeSeconds: number; failed: number }[];
}

/**
 * 运营看板 (issue 20): every chart's numbers for the last `days` Beijing days, on the
 * product clock, for reviewers and account managers. Read only; the queries run one
 * after the other (PGlite answers one at a time anyway, and a page is one connection).
 */
export async function getInsights(ctx: ServiceContext, actorAccountId: string, days: InsightPeriod): Promise<Insights> {
  const now = await ctx.clock.now();
  await authorizeReviewStaff(ctx.db, actorAccountId, BACK_OFFICE_ROLES, now, 'insights.read');
  const range = insightRange(days, now);
  const { from, to } = range;
  const db = ctx.db;

  const funnelRows = await verificationFunnel(db, from, to);
  const failures = await verificationFailures(db, from, to);
  const outcomes = await dailyOutcomes(db, from, to);
  const durations = await successDurations(db, from, to);
  const openCases = await openReviewCaseClocks(db);
  const decided = await decidedReviewCases(db, from, to);
  const calendar = await getBusinessCalendar(db);
  const bankRows = await bankMethods(db, from, to);
  const bankFailureRows = await bankFailures(db, from, to);
  const chanceRows = await bankChances(db, from, to);
  const changes = await changeRequestOutcomes(db, from, to);
  const outbox = await dueOutboxBacklog(db, now);
  const webhooks = await dueWebhookBacklog(db, now);
  const deliveryFailed = await deliveryFailures(db, from, to);

  const withLabels = (rows: { code: string; count: number }[]) => rows.map((r) => ({ code: r.code, label: failureLabel(r.code), count: r.count }));
  const funnel = KINDS.map((kind) => ({
    ...(funnelRows.find((r) => r.kind === kind) ?? emptyFunnel(kind)),
    failures: withLabels(failures.filter((f) => f.kind === kind)),
  }));

  const trend = KINDS.map((kind) => ({
    kind,
    points: range.dayKeys.map((day) => {
      const o = outcomes.find((r) => r.kind === kind && r.day === day);
      return { day, ended: o?.ended ?? 0, succeeded: o?.succeeded ?? 0, rate: shareOf(o?.succeeded ?? 0, o?.ended ?? 0) };
    }),
  }));

  const ageCounts = new Map<string, number>();
  const openByKind = new Map<string, { open: number; overdue: number }>();
  for (const c of openCases) {
    const sla = reviewSla(calendar, c.openedAt, c.dueAt, now);
    const bucket = reviewAgeBucket(sla.ageBusinessDays);
    ageCounts.set(bucket, (ageCounts.get(bucket) ?? 0) + 1);
    const k = openByKind.get(c.kind) ?? { open: 0, overdue: 0 };
    k.open += 1;
    if (sla.overdue) k.overdue += 1;
    openByKind.set(c.kind, k);
  }
  const reviews = {
    ageBuckets: REVIEW_AGE_BUCKETS.map((bucket) => ({ bucket, count: ageCounts.get(bucket) ?? 0 })),
    byKind: REVIEW_CASE_KINDS.map((kind) => {
      const d = decided.find((r) => r.kind === kind);
      const o = openByKind.get(kind);
      return {
        kind,
        decided: d?.decided ?? 0,
        withinSla: d?.withinSla ?? 0,
        share: shareOf(d?.withinSla ?? 0, d?.decided ?? 0),
        open: o?.open ?? 0,
        overdue: o?.overdue ?? 0,
      };
    }),
  };

  const bank = (['recharge', 'payout'] as const).map((method) => ({
    ...(bankRows.find((r) => r.method === method) ?? { method, issued: 0, paid: 0, confirmed: 0, cancelled: 0, inProgress: 0 }),
    failures: withLabels(bankFailureRows.filter((r) => r.method === method)),
    chances: [0, 1, 2].map((used) => ({ chancesUsed: used, count: chanceRows.find((r) => r.method === method && r.chancesUsed === used)?.count ?? 0 })),
  }));

  const ageOf = (oldest: Date | null) => (oldest ? Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 1000)) : 0);
  const failedOf = (channel: string) => deliveryFailed.find((r) => r.channel === channel)?.count ?? 0;
  const delivery = [
    ...OUTBOX_KINDS.map((kind) => {
      const b = outbox.find((r) => r.kind === kind);
      return { channel: kind, due: b?.due ?? 0, oldestDueAgeSeconds: ageOf(b?.oldestCreatedAt ?? null), failed: failedOf(kind) };
    }),
    { channel: 'webhook', due: webhooks.due, oldestDueAgeSeconds: ageOf(webhooks.oldestCreatedAt), failed: failedOf('webhook') },
  ];

  return { range, funnel, trend, durations, reviews, bank, changes, delivery };
}

function emptyFunnel(kind: VerificationKind): FunnelRow {
  return { kind, started: 0, methodChosen: 0, channelOpened: 0, succeeded: 0, failed: 0, abandoned: 0, cancelled: 0, inProgress: 0 };
}

export interface InsightTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

const pct = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
const minutes = (seconds: number | null) => (seconds === null ? '—' : (seconds / 60).toFixed(1));

/** Each chart's numbers as one table: the screen-reader table under the chart and its 导出CSV are the same rows. */
export function insightTables(i: Insights): Record<InsightChart, InsightTable> {
  return {
    funnel: {
      title: '认证漏斗',
      columns: ['认证类型', '步骤', '数量'],
      rows: i.funnel.flatMap((f) => {
        const k = VERIFICATION_KIND_LABEL[f.kind];
        return [
          [k, '开始认证', f.started],
          [k, '已选择认证方式', f.methodChosen],
          [k, '已打开认证渠道', f.channelOpened],
          [k, '认证成功', f.succeeded],
          [k, '认证失败', f.failed],
          ...f.failures.map((x) => [k, `认证失败：${x.label}`, x.count]),
          [k, '放弃（超时关闭）', f.abandoned],
          [k, '已撤销', f.cancelled],
          [k, '进行中', f.inProgress],
        ];
      }),
    },
    trend: {
      title: '成功率趋势',
      columns: ['日期', '认证类型', '结束数', '成功数', '成功率'],
      rows: i.trend.flatMap((t) => t.points.map((p) => [p.day, VERIFICATION_KIND_LABEL[t.kind], p.ended, p.succeeded, pct(p.rate)])),
    },
    durations: {
      title: '认证耗时',
      columns: ['认证类型', '认证方式', '成功数', '中位数（分钟）', '90分位（分钟）'],
      rows: i.durations.map((d) => [VERIFICATION_KIND_LABEL[d.kind], methodLabel(d.method), d.count, minutes(d.medianSeconds), minutes(d.p90Seconds)]),
    },
    reviews: {
      title: '审核时效',
      columns: ['项目', '审核单类型', '数量', '按时审结率'],
      rows: [
        ...i.reviews.ageBuckets.map((b) => [`待审核，已等待 ${b.bucket} 个工作日`, '全部', b.count, '']),
        ...i.reviews.byKind.flatMap((k) => [
          ['本期审结', reviewKindLabel(k.kind), k.decided, pct(k.share)],
          ['本期按时审结', reviewKindLabel(k.kind), k.withinSla, ''],
          ['当前逾期', reviewKindLabel(k.kind), k.overdue, ''],
        ]),
      ],
    },
    bank: {
      title: '对公打款 / 充值认证',
      columns: ['认证方式', '项目', '数量'],
      rows: i.bank.flatMap((b) => {
        const m = methodLabel(b.method);
        return [
          [m, b.method === 'recharge' ? '已下发金额' : '已提交打款申请', b.issued],
          ...(b.method === 'payout' ? [[m, '已打款', b.paid]] : []),
          [m, '已确认', b.confirmed],
          ...b.failures.map((f) => [m, `失败：${f.label}`, f.count]),
          [m, '已撤销', b.cancelled],
          [m, '进行中', b.inProgress],
          ...b.chances.map((c) => [m, `已用校验机会 ${c.chancesUsed} 次`, c.count]),
        ];
      }),
    },
    changes: {
      title: '主体变更',
      columns: ['变更类型', '已完成', '已撤销', '已过期', '进行中'],
      rows: i.changes.map((c) => [changeTypeLabel(c.type), c.completed, c.cancelled, c.expired, c.inProgress]),
    },
    delivery: {
      title: '消息投递',
      columns: ['渠道', '待投递（已到期）', '最早到期消息已等待（分钟）', '本期投递失败'],
      rows: i.delivery.map((d) => [OUTBOX_CHANNEL_LABEL[d.channel] ?? d.channel, d.due, minutes(d.oldestDueAgeSeconds), d.failed]),
    },
  };
}
