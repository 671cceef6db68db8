import { readiness } from '@/lib/ops/readiness';

/**
 * GET /api/ready — readiness: 200 when the database answers and its migrations are
 * current, 503 otherwise and once shutdown has begun (the load balancer stops sending).
 */
export async function GET() {
  const verdict = await readiness();
  const body = verdict.ready ? { status: 'ready' } : { status: 'not_ready', reason: verdict.reason };
  return Response.json(body, { status: verdict.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
