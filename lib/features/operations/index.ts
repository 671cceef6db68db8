export { checkReadiness } from './check-readiness';
export { exportAuditLog } from './export-audit-log';
export { exportInsightsCsv } from './export-insights-csv';
export { getInsights, type Insights, type InsightTable, insightTables } from './get-insights';
export { getOperationalBacklog } from './get-operational-backlog';
export { searchAuditLog } from './search-audit-log';
export { seedInsightsHistory } from './seed-insights-history';
