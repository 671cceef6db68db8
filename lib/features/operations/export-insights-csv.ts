import type { InsightChart, InsightPeriod } from '@/lib/domain/insights';
import type { ServiceContext } from '../context';
import { csvCell } from './export-audit-log';
import { getInsights, insightTables } from './get-insights';

/**
 * 导出CSV of one 运营看板 chart: the same rows as the table under the chart, UTF-8 with a
 * BOM so that Excel reads the Chinese. Aggregates only (no account, no personal data),
 * so unlike the audit export it is not itself audited.
 */
export async function exportInsightsCsv(ctx: ServiceContext, actorAccountId: string, chart: InsightChart, days: InsightPeriod): Promise<string> {
  const table = insightTables(await getInsights(ctx, actorAccountId, days))[chart];
  const lines = [table.columns, ...table.rows].map((row) => row.map((cell) => csvCell(String(cell))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
