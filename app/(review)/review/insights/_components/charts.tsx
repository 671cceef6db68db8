import type { WordedInsightTable } from '@/lib/features/operations';

/**
 * 运营看板's charts: server-rendered SVG, readable without JavaScript (docs/decisions/0020).
 * Every mark carries its number (beside it, and in a <title> for hover); the SVG is one
 * image named by its title, and the same numbers follow as a table.
 */

export const COLORS = { blue: '#0052d9', orange: '#b85200', green: '#1a7f37', red: '#c0262d', grey: '#5e6673', purple: '#6b3fa0' } as const;

const FONT = 13;

export interface Bar {
  label: string;
  value: number;
  /** What is written beside the bar (the value when absent). */
  display?: string;
  color?: string;
}

/** Horizontal bars: long Chinese labels read best on the left. */
export function BarChart({ id, title, categoryAxis, valueAxis, bars }: { id: string; title: string; categoryAxis: string; valueAxis: string; bars: Bar[] }) {
  const labelW = 230;
  const plotW = 330;
  const textW = 210;
  const rowH = 26;
  const top = 24;
  const plotH = Math.max(1, bars.length) * rowH;
  const height = top + plotH + 44;
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <svg className="chart" role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 ${labelW + plotW + textW} ${height}`} fontSize={FONT}>
      <title id={`${id}-title`}>{title}</title>
      <text x={labelW - 8} y={14} textAnchor="end" fill={COLORS.grey}>
        {categoryAxis}
      </text>
      {bars.map((b, i) => {
        const y = top + i * rowH;
        const w = (plotW * b.value) / max;
        const shown = b.display ?? String(b.value);
        return (
          <g key={`${b.label}-${i}`}>
            <title>{`${b.label}：${shown}`}</title>
            <text x={labelW - 8} y={y + rowH / 2} textAnchor="end" dominantBaseline="middle">
              {b.label}
            </text>
            <rect x={labelW} y={y + 4} width={Math.max(b.value > 0 ? 2 : 0, w)} height={rowH - 8} fill={b.color ?? COLORS.blue} />
            <text x={labelW + w + 6} y={y + rowH / 2} dominantBaseline="middle">
              {shown}
            </text>
          </g>
        );
      })}
      <line x1={labelW} y1={top} x2={labelW} y2={top + plotH} stroke={COLORS.grey} />
      <line x1={labelW} y1={top + plotH} x2={labelW + plotW} y2={top + plotH} stroke={COLORS.grey} />
      <text x={labelW} y={top + plotH + 16} textAnchor="middle" fill={COLORS.grey}>
        0
      </text>
      <text x={labelW + plotW} y={top + plotH + 16} textAnchor="middle" fill={COLORS.grey}>
        {Number.isInteger(max) ? max : max.toFixed(1)}
      </text>
      <text x={labelW + plotW / 2} y={top + plotH + 36} textAnchor="middle" fill={COLORS.grey}>
        {valueAxis}
      </text>
    </svg>
  );
}

export interface Series {
  name: string;
  color: string;
  /** One per day; null leaves a gap (nothing to measure that day). */
  points: { day: string; value: number | null; display: string }[];
}

/** Lines over the days of the period, y from 0 to 100 %. */
export function LineChart({ id, title, series, valueAxis, dayAxis }: { id: string; title: string; series: Series[]; valueAxis: string; dayAxis: string }) {
  const left = 56;
  const right = 16;
  const top = 36;
  const plotW = 700;
  const plotH = 200;
  const days = series[0]?.points.map((p) => p.day) ?? [];
  const step = days.length > 1 ? plotW / (days.length - 1) : 0;
  const x = (i: number) => left + (days.length > 1 ? i * step : plotW / 2);
  const y = (v: number) => top + plotH - v * plotH;
  const labelEvery = days.length <= 7 ? 1 : days.length <= 30 ? 5 : 15;
  return (
    <svg className="chart" role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 ${left + plotW + right} ${top + plotH + 56}`} fontSize={FONT}>
      <title id={`${id}-title`}>{title}</title>
      {series.map((s, si) => (
        <g key={s.name}>
          <rect x={left + si * 120} y={8} width={14} height={4} fill={s.color} />
          <text x={left + si * 120 + 20} y={14}>
            {s.name}
          </text>
        </g>
      ))}
      {[0, 0.25, 0.5, 0.75, 1].map((v) => (
        <g key={v}>
          <line x1={left} y1={y(v)} x2={left + plotW} y2={y(v)} stroke="#dcdfe6" />
          <text x={left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle" fill={COLORS.grey}>
            {`${v * 100}%`}
          </text>
        </g>
      ))}
      {days.map((d, i) =>
        i % labelEvery === 0 || i === days.length - 1 ? (
          <text key={d} x={x(i)} y={top + plotH + 18} textAnchor="middle" fill={COLORS.grey}>
            {d.slice(5)}
          </text>
        ) : null,
      )}
      <text x={left + plotW / 2} y={top + plotH + 44} textAnchor="middle" fill={COLORS.grey}>
        {dayAxis}
      </text>
      <text x={14} y={top + plotH / 2} textAnchor="middle" fill={COLORS.grey} transform={`rotate(-90 14 ${top + plotH / 2})`}>
        {valueAxis}
      </text>
      {series.map((s) => {
        let path = '';
        let pen = false;
        s.points.forEach((p, i) => {
          if (p.value === null) {
            pen = false;
            return;
          }
          path += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
          pen = true;
        });
        return (
          <g key={s.name}>
            <path d={path} fill="none" stroke={s.color} strokeWidth={2} />
            {s.points.map((p, i) =>
              p.value === null ? null : (
                <circle key={p.day} cx={x(i)} cy={y(p.value)} r={days.length > 30 ? 2.5 : 4} fill={s.color}>
                  <title>{`${s.name} ${p.day}：${p.display}`}</title>
                </circle>
              ),
            )}
          </g>
        );
      })}
    </svg>
  );
}

export interface StackedRow {
  label: string;
  segments: { name: string; value: number; color: string }[];
}

/** One bar per row split into its parts (e.g. how change requests ended), the total beside it. */
export function StackedBarChart({ id, title, categoryAxis, valueAxis, rows }: { id: string; title: string; categoryAxis: string; valueAxis: string; rows: StackedRow[] }) {
  const labelW = 250;
  const plotW = 360;
  const textW = 60;
  const rowH = 28;
  const top = 44;
  const plotH = Math.max(1, rows.length) * rowH;
  const totals = rows.map((r) => r.segments.reduce((a, s) => a + s.value, 0));
  const max = Math.max(1, ...totals);
  const names = rows[0]?.segments.map((s) => ({ name: s.name, color: s.color })) ?? [];
  return (
    <svg className="chart" role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 ${labelW + plotW + textW} ${top + plotH + 44}`} fontSize={FONT}>
      <title id={`${id}-title`}>{title}</title>
      {names.map((n, i) => (
        <g key={n.name}>
          <rect x={labelW + i * 90} y={6} width={12} height={12} fill={n.color} />
          <text x={labelW + i * 90 + 17} y={16}>
            {n.name}
          </text>
        </g>
      ))}
      <text x={labelW - 8} y={36} textAnchor="end" fill={COLORS.grey}>
        {categoryAxis}
      </text>
      {rows.map((r, i) => {
        const y = top + i * rowH;
        let at = labelW;
        return (
          <g key={r.label}>
            <text x={labelW - 8} y={y + rowH / 2} textAnchor="end" dominantBaseline="middle">
              {r.label}
            </text>
            {r.segments.map((s) => {
              const w = (plotW * s.value) / max;
              const rect = (
                <rect key={s.name} x={at} y={y + 4} width={w} height={rowH - 8} fill={s.color}>
                  <title>{`${r.label} · ${s.name}：${s.value}`}</title>
                </rect>
              );
              at += w;
              return rect;
            })}
            <text x={at + 6} y={y + rowH / 2} dominantBaseline="middle">
              {totals[i]}
            </text>
          </g>
        );
      })}
      <line x1={labelW} y1={top} x2={labelW} y2={top + plotH} stroke={COLORS.grey} />
      <line x1={labelW} y1={top + plotH} x2={labelW + plotW} y2={top + plotH} stroke={COLORS.grey} />
      <text x={labelW + plotW / 2} y={top + plotH + 30} textAnchor="middle" fill={COLORS.grey}>
        {valueAxis}
      </text>
    </svg>
  );
}

/** The chart's numbers as a table, folded under it: for screen readers and anyone who wants the exact values. */
export function DataTable({ table }: { table: WordedInsightTable }) {
  return (
    <details className="chart-data">
      <summary>{`${table.title}：数据表`}</summary>
      <table className="data">
        <caption className="visually-hidden">{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
