/** GET /api/health — liveness: the process answers. Touches no database (a slow database is /api/ready's business). */
export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
