export { checkReadiness } from './check-readiness';
export { exportAuditLog } from './export-audit-log';
export { exportInsightsCsv, wordInsightTable, type WordedInsightTable } from './export-insights-csv';
export { getInsights, type Insights, insightTables } from './get-insights';
export { getOperationalBacklog } from './get-operational-backlog';
export { searchAuditLog } from './search-audit-log';
