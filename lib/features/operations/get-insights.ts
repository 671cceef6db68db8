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
  channelLabel,
  failureLabel,
  insightRange,
  kindLabel,
  methodLabel,
  REVIEW_AGE_BUCKETS,
  reviewAgeBucket,
  reviewKindLabel,
  shareOf,
  type InsightChart,
  type InsightLabel,
  type InsightPeriod,
  type InsightRange,
} from '@/lib/domain/insights';
import { REVIEW_CASE_KINDS } from '@/lib/domain/review/kinds';
import { reviewSla } from '@/lib/domain/review/sla';
import { BACK_OFFICE_ROLES } from '@/lib/domain/review/staff';
import type { MessageCode, MessageRef } from '@/lib/messages';
import { authorizeReviewStaff } from '@/lib/features/account';
import type { ServiceContext } from '../context';
import { getBusinessCalendar } from '@/lib/features/calendar';
import { OUTBOX_KINDS } from './get-operational-backlog';

const KINDS: readonly VerificationKind[] = ['personal', 'enterprise'];

export interface Insights {
  range: InsightRange;
  funnel: (FunnelRow & { failures: { code: string; label: InsightLabel; count: number }[] })[];
  /** One point per day of the period and kind: success rate among the verifications that ended that day (null: none ended). */
  trend: { kind: VerificationKind; points: { day: string; ended: number; succeeded: number; rate: number | null }[] }[];
  durations: DurationRow[];
  reviews: {
    ageBuckets: { bucket: (typeof REVIEW_AGE_BUCKETS)[number]; count: number }[];
    /** Per case kind: decided in the period, of them by the due time, and open past due now. */
    byKind: { kind: string; decided: number; withinSla: number; share: number | null; open: number; overdue: number }[];
  };
  bank: (BankMethodRow & { failures: { code: string; label: InsightLabel; count: number }[]; chances: { chancesUsed: number; count: number }[] })[];
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

/** A table cell: a number, a text that is data (a day, a share), or a name not yet worded. */
export type InsightCell = string | number | MessageRef;

export interface InsightTable {
  title: MessageRef;
  columns: MessageRef[];
  rows: InsightCell[][];
}

const pct = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
const minutes = (seconds: number | null) => (seconds === null ? '—' : (seconds / 60).toFixed(1));
const w = (code: MessageCode, params?: MessageRef['params']): MessageRef => (params ? { code, params } : { code });
type Column = MessageCode extends infer C ? (C extends `operations.insights.column.${infer N}` ? N : never) : never;
const columns = (...names: Column[]) => names.map((n) => w(`operations.insights.column.${n}`));

/** Each chart's numbers as one table: the screen-reader table under the chart and its 导出CSV are the same rows. */
export function insightTables(i: Insights): Record<InsightChart, InsightTable> {
  return {
    funnel: {
      title: w('operations.insights.chart.funnel'),
      columns: columns('kind', 'step', 'count'),
      rows: i.funnel.flatMap((f) => {
        const k = kindLabel(f.kind);
        return [
          [k, w('operations.insights.funnel.started'), f.started],
          [k, w('operations.insights.funnel.methodChosen'), f.methodChosen],
          [k, w('operations.insights.funnel.channelOpened'), f.channelOpened],
          [k, w('operations.insights.funnel.succeeded'), f.succeeded],
          [k, w('operations.insights.funnel.failed'), f.failed],
          ...f.failures.map((x) => [k, w('operations.insights.funnel.failedBecause', { failure: x.code }), x.count]),
          [k, w('operations.insights.funnel.abandoned'), f.abandoned],
          [k, w('operations.insights.state.cancelled'), f.cancelled],
          [k, w('operations.insights.state.inProgress'), f.inProgress],
        ];
      }),
    },
    trend: {
      title: w('operations.insights.chart.trend'),
      columns: columns('day', 'kind', 'ended', 'succeeded', 'rate'),
      rows: i.trend.flatMap((t) => t.points.map((p) => [p.day, kindLabel(t.kind), p.ended, p.succeeded, pct(p.rate)])),
    },
    durations: {
      title: w('operations.insights.chart.durations'),
      columns: columns('kind', 'method', 'succeeded', 'medianMinutes', 'p90Minutes'),
      rows: i.durations.map((d) => [kindLabel(d.kind), methodLabel(d.method), d.count, minutes(d.medianSeconds), minutes(d.p90Seconds)]),
    },
    reviews: {
      title: w('operations.insights.chart.reviews'),
      columns: columns('item', 'reviewKind', 'count', 'onTimeRate'),
      rows: [
        ...i.reviews.ageBuckets.map((b) => [w('operations.insights.reviews.waiting', { bucket: b.bucket }), w('operations.insights.reviews.allKinds'), b.count, '']),
        ...i.reviews.byKind.flatMap((k) => [
          [w('operations.insights.reviews.decided'), reviewKindLabel(k.kind), k.decided, pct(k.share)],
          [w('operations.insights.reviews.decidedOnTime'), reviewKindLabel(k.kind), k.withinSla, ''],
          [w('operations.insights.reviews.overdue'), reviewKindLabel(k.kind), k.overdue, ''],
        ]),
      ],
    },
    bank: {
      title: w('operations.insights.chart.bank'),
      columns: columns('method', 'item', 'count'),
      rows: i.bank.flatMap((b) => {
        const m = methodLabel(b.method);
        return [
          [m, w(`operations.insights.bank.issued.${b.method}`), b.issued],
          ...(b.method === 'payout' ? [[m, w('operations.insights.bank.paid'), b.paid]] : []),
          [m, w('operations.insights.state.confirmed'), b.confirmed],
          ...b.failures.map((f) => [m, w('operations.insights.bank.failedBecause', { failure: f.code }), f.count]),
          [m, w('operations.insights.state.cancelled'), b.cancelled],
          [m, w('operations.insights.state.inProgress'), b.inProgress],
          ...b.chances.map((c) => [m, w('operations.insights.bank.chancesUsed', { count: c.chancesUsed }), c.count]),
        ];
      }),
    },
    changes: {
      title: w('operations.insights.chart.changes'),
      columns: [w('operations.insights.column.changeType'), ...(['completed', 'cancelled', 'expired', 'inProgress'] as const).map((s) => w(`operations.insights.state.${s}`))],
      rows: i.changes.map((c) => [changeTypeLabel(c.type), c.completed, c.cancelled, c.expired, c.inProgress]),
    },
    delivery: {
      title: w('operations.insights.chart.delivery'),
      columns: columns('channel', 'due', 'oldestDueMinutes', 'failedInPeriod'),
      rows: i.delivery.map((d) => [channelLabel(d.channel), d.due, minutes(d.oldestDueAgeSeconds), d.failed]),
    },
  };
}
