import { getCurrentUser, STAFF_ROLES } from '@/lib/auth/session';
import { chinaDayKey } from '@/lib/domain/business-days';
import { errorResponse, isAppError } from '@/lib/errors';
import { auditSearchSchema } from '@/lib/schemas/review';
import { getServiceContext } from '@/lib/features/runtime';
import { exportAuditLog } from '@/lib/features/operations';

/**
 * GET /review/audit/export — the audit rows of a search as CSV (SPEC §13), staff only:
 * the handler checks the session and the role itself (SECURITY 10, 12), and the use case
 * checks the role again and audits the export. Anyone else gets the usual 404.
 */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user || !STAFF_ROLES.includes(user.role)) return errorResponse('NOT_FOUND');
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = auditSearchSchema.safeParse(params);
  if (!parsed.success) return errorResponse('INVALID_INPUT');
  try {
    const ctx = await getServiceContext();
    const stream = await exportAuditLog(ctx, user.accountId, parsed.data);
    const day = chinaDayKey(await ctx.clock.now());
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="audit-log-${day}.csv"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (isAppError(error)) return errorResponse(error.code === 'FORBIDDEN' ? 'NOT_FOUND' : error.code);
    throw error;
  }
}
