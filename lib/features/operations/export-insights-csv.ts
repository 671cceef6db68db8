import type { InsightChart, InsightPeriod } from '@/lib/domain/insights';
import { textOf } from '@/lib/messages';
import type { ServiceContext } from '../context';
import { csvCell } from './export-audit-log';
import { getInsights, insightTables, type InsightCell, type InsightTable } from './get-insights';

/** A chart's table in words, as the page shows it under the chart and the CSV carries it. */
export interface WordedInsightTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

const wordCell = (cell: InsightCell) => (typeof cell === 'object' ? textOf(cell) : cell);

export function wordInsightTable(table: InsightTable): WordedInsightTable {
  return { title: textOf(table.title), columns: table.columns.map(textOf), rows: table.rows.map((row) => row.map(wordCell)) };
}

/**
 * 导出CSV of one 运营看板 chart: the same rows as the table under the chart, UTF-8 with a
 * BOM so that Excel reads the Chinese. Aggregates only (no account, no personal data),
 * so unlike the audit export it is not itself audited. The file is worded here, where it
 * is made (the catalogue's `operations.insights.*`).
 */
export async function exportInsightsCsv(ctx: ServiceContext, actorAccountId: string, chart: InsightChart, days: InsightPeriod): Promise<string> {
  const table = wordInsightTable(insightTables(await getInsights(ctx, actorAccountId, days))[chart]);
  const lines = [table.columns, ...table.rows].map((row) => row.map((cell) => csvCell(String(cell))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
