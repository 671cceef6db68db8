import { getCurrentUser, STAFF_ROLES } from '@/lib/auth/session';
import { errorResponse, isAppError } from '@/lib/errors';
import { insightsExportSchema } from '@/lib/schemas/review';
import { getServiceContext } from '@/lib/features/runtime';
import { exportInsightsCsv } from '@/lib/features/operations';

/**
 * GET /review/insights/export?chart=…&days=… — 导出CSV of one 运营看板 chart, staff only:
 * the handler checks the session and the role itself (SECURITY 10, 12) and the use case
 * checks the role again. Anyone else gets the usual 404.
 */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user || !STAFF_ROLES.includes(user.role)) return errorResponse('NOT_FOUND');
  const parsed = insightsExportSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return errorResponse('INVALID_INPUT');
  try {
    const csv = await exportInsightsCsv(await getServiceContext(), user.accountId, parsed.data.chart, parsed.data.days);
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="insights-${parsed.data.chart}-${parsed.data.days}d.csv"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (isAppError(error)) return errorResponse(error.code === 'FORBIDDEN' ? 'NOT_FOUND' : error.code);
    throw error;
  }
}
