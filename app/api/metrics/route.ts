import { env } from '@/lib/env';
import { errorResponse } from '@/lib/errors';
import { metrics } from '@/lib/ops/metrics';
import { isMetricsScrapeAuthorised, scrapeMetrics } from '@/lib/ops/metrics-scrape';

/**
 * GET /api/metrics — Prometheus text for a scraper holding METRICS_TOKEN (bearer);
 * absent when no token is configured. Authorises by itself.
 */
export async function GET(req: Request) {
  const token = env().METRICS_TOKEN;
  if (!token) return errorResponse('NOT_FOUND');
  if (!isMetricsScrapeAuthorised(req.headers.get('authorization'), token)) return errorResponse('UNAUTHENTICATED');
  return new Response(await scrapeMetrics(), { headers: { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' } });
}
