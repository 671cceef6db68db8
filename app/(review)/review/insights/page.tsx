import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { requireStaff } from '@/lib/auth/session';
import { changeTypeLabel, channelLabel, failureLabel, INSIGHT_CHARTS, INSIGHT_PERIODS, kindLabel, methodLabel, reviewKindLabel, type InsightChart } from '@/lib/domain/insights';
import { text, textOf } from '@/lib/messages';
import { insightsQuerySchema } from '@/lib/schemas/review';
import { getServiceContext } from '@/lib/features/runtime';
import { getInsights, insightTables, wordInsightTable, type Insights, type WordedInsightTable } from '@/lib/features/operations';
import { BarChart, COLORS, DataTable, LineChart, StackedBarChart } from './_components/charts';

export const metadata: Metadata = { title: '运营看板 - 审核后台 - 云控制台' };

type Params = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const pct = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 3600) return `${(seconds / 60).toFixed(1)} 分钟`;
  if (seconds < 86_400 * 2) return `${(seconds / 3600).toFixed(1)} 小时`;
  return `${(seconds / 86_400).toFixed(1)} 天`;
}

/** 运营看板 (issue 20, SPEC §13): how verification is going, for reviewers and account managers. */
export default async function InsightsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const staff = await requireStaff();
  const { days } = insightsQuerySchema.parse({ days: first((await searchParams).days) });
  const insights = await getInsights(await getServiceContext(), staff.accountId, days);
  const tableOf = insightTables(insights);
  const tables = Object.fromEntries(INSIGHT_CHARTS.map((key) => [key, wordInsightTable(tableOf[key])])) as Record<InsightChart, WordedInsightTable>;
  const period = (p: number) => text('operations.insights.period', { days: p });
  const { range } = insights;

  const chart = (key: InsightChart, children: ReactNode, note?: string) => (
    <section className="panel insight" aria-labelledby={`${key}-heading`}>
      <div className="insight-head">
        <h2 id={`${key}-heading`}>{tables[key].title}</h2>
        <a href={`/review/insights/export?chart=${key}&days=${days}`} download aria-label={`导出CSV：${tables[key].title}`}>
          导出CSV
        </a>
      </div>
      {note ? <p className="muted">{note}</p> : null}
      {children}
      <DataTable table={tables[key]} />
    </section>
  );

  return (
    <>
      <h1>运营看板</h1>
      <form className="filters" method="get" action="/review/insights">
        <div className="field">
          <label htmlFor="days">统计周期</label>
          <select id="days" name="days" defaultValue={String(days)}>
            {INSIGHT_PERIODS.map((p) => (
              <option key={p} value={p}>
                {period(p)}
              </option>
            ))}
          </select>
        </div>
        <button className="button secondary" type="submit">
          查看
        </button>
      </form>
      <p className="muted">
        当前统计：{period(days)}（{range.dayKeys[0]} 至 {range.dayKeys.at(-1)}，北京时间；待投递、待审核和逾期为当前数量）
      </p>

      {chart(
        'funnel',
        insights.funnel.map((f) => <FunnelChart key={f.kind} funnel={f} />),
        '本期开始的认证走到了哪一步；充值认证、对公打款以下发金额或提交打款申请计为打开认证渠道。放弃：未完成且长时间未操作，被自动关闭。',
      )}

      {chart(
        'trend',
        <LineChart
          id="trend-chart"
          title={`成功率趋势（${period(days)}）`}
          valueAxis="成功率"
          dayAxis="日期（认证结束当天）"
          series={insights.trend.map((t) => ({
            name: textOf(kindLabel(t.kind)),
            color: t.kind === 'personal' ? COLORS.blue : COLORS.orange,
            points: t.points.map((p) => ({ day: p.day, value: p.rate, display: p.rate === null ? '当天无结束的认证' : `${pct(p.rate)}（${p.succeeded}/${p.ended}）` })),
          }))}
        />,
        '每天结束的认证中成功的比例（成功 ÷ 成功、失败和放弃；撤销不计）。当天没有结束的认证时不画点。',
      )}

      {chart(
        'durations',
        <BarChart
          id="durations-chart"
          title="认证耗时：从开始到成功的中位数和90分位"
          categoryAxis="认证方式"
          valueAxis="耗时（分钟）"
          bars={insights.durations.flatMap((d) => {
            const label = `${textOf(kindLabel(d.kind))} · ${textOf(methodLabel(d.method))}`;
            return [
              { label: `${label} 中位数`, value: (d.medianSeconds ?? 0) / 60, display: `${duration(d.medianSeconds)}（${d.count} 个）`, color: COLORS.blue },
              { label: `${label} 90分位`, value: (d.p90Seconds ?? 0) / 60, display: duration(d.p90Seconds), color: COLORS.orange },
            ];
          })}
        />,
        '本期成功的认证从开始填写到认证成功的时间。',
      )}

      {chart('reviews', <ReviewCharts reviews={insights.reviews} />, '工作日按工作日日历计算（节假日和调休）。按时审结：在承诺的工作日内作出决定（对公打款材料 2 个工作日，变更证明材料 1 个工作日）。')}

      {chart(
        'bank',
        insights.bank.map((b) => (
          <BarChart
            key={b.method}
            id={`bank-${b.method}-chart`}
            title={textOf(methodLabel(b.method))}
            categoryAxis={textOf(methodLabel(b.method))}
            valueAxis="数量"
            bars={[
              { label: b.method === 'recharge' ? '已下发金额' : '已提交打款申请', value: b.issued },
              ...(b.method === 'payout' ? [{ label: '已打款', value: b.paid }] : []),
              { label: '已确认', value: b.confirmed, color: COLORS.green },
              ...b.failures.map((f) => ({ label: `失败：${textOf(failureLabel(f.code))}`, value: f.count, color: COLORS.red })),
              ...b.chances.map((c) => ({ label: `已用校验机会 ${c.chancesUsed} 次`, value: c.count, color: COLORS.purple })),
            ]}
          />
        )),
        '充值认证按下发金额计，对公打款按提交的打款申请计；校验机会每次 2 次（对公打款只计已到账的）。',
      )}

      {chart(
        'changes',
        <StackedBarChart
          id="changes-chart"
          title="主体变更：按类型和结果"
          categoryAxis="变更类型"
          valueAxis="申请数"
          rows={insights.changes.map((c) => ({
            label: textOf(changeTypeLabel(c.type)),
            segments: [
              { name: '已完成', value: c.completed, color: COLORS.green },
              { name: '已撤销', value: c.cancelled, color: COLORS.grey },
              { name: '已过期', value: c.expired, color: COLORS.red },
              { name: '进行中', value: c.inProgress, color: COLORS.blue },
            ],
          }))}
        />,
        '本期开始的主体变更申请。',
      )}

      {chart(
        'delivery',
        <BarChart
          id="delivery-chart"
          title="消息投递：待投递（已到期）和本期投递失败"
          categoryAxis="渠道"
          valueAxis="消息数"
          bars={insights.delivery.flatMap((d) => {
            const name = textOf(channelLabel(d.channel));
            return [
              { label: `${name} 待投递`, value: d.due, display: d.due > 0 ? `${d.due}（最早已等待 ${duration(d.oldestDueAgeSeconds)}）` : '0' },
              { label: `${name} 投递失败`, value: d.failed, color: COLORS.red },
            ];
          })}
        />,
        '待投递：当前已到重试时间仍未送出的消息；投递失败：本期写入、已放弃重试的消息。',
      )}
    </>
  );
}

function FunnelChart({ funnel: f }: { funnel: Insights['funnel'][number] }) {
  const of = (n: number) => `${n}（${pct(f.started > 0 ? n / f.started : null)}）`;
  return (
    <BarChart
      id={`funnel-${f.kind}-chart`}
      title={`认证漏斗：${textOf(kindLabel(f.kind))}`}
      categoryAxis={textOf(kindLabel(f.kind))}
      valueAxis="认证数（括号内为占开始认证的比例）"
      bars={[
        { label: '开始认证', value: f.started },
        { label: '已选择认证方式', value: f.methodChosen, display: of(f.methodChosen) },
        { label: '已打开认证渠道', value: f.channelOpened, display: of(f.channelOpened) },
        { label: '认证成功', value: f.succeeded, display: of(f.succeeded), color: COLORS.green },
        { label: '认证失败', value: f.failed, display: of(f.failed), color: COLORS.red },
        ...f.failures.map((x) => ({ label: `失败：${textOf(x.label)}`, value: x.count, color: COLORS.red })),
        { label: '放弃（超时关闭）', value: f.abandoned, display: of(f.abandoned), color: COLORS.grey },
      ]}
    />
  );
}

function ReviewCharts({ reviews }: { reviews: Insights['reviews'] }) {
  return (
    <>
      <BarChart
        id="review-age-chart"
        title="待审核的审核单：已等待的工作日"
        categoryAxis="已等待（工作日）"
        valueAxis="审核单数"
        bars={reviews.ageBuckets.map((b) => ({ label: `${b.bucket} 个工作日`, value: b.count }))}
      />
      <BarChart
        id="review-sla-chart"
        title="本期按时审结率"
        categoryAxis="审核单类型"
        valueAxis="按时审结率（%）"
        bars={reviews.byKind.map((k) => ({ label: textOf(reviewKindLabel(k.kind)), value: (k.share ?? 0) * 100, display: `${pct(k.share)}（${k.withinSla}/${k.decided}）`, color: COLORS.green }))}
      />
      <p>
        当前逾期：
        {reviews.byKind.map((k, i) => (
          <span key={k.kind}>
            {i > 0 ? '；' : ''}
            {textOf(reviewKindLabel(k.kind))} <strong>{k.overdue}</strong> 单（待审核 {k.open} 单）
          </span>
        ))}
      </p>
    </>
  );
}
