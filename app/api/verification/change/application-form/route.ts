import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { errorResponse, isAppError } from '@/lib/errors';
import { getServiceContext } from '@/lib/features/runtime';
import { getChangeApplicationForm } from '@/lib/features/change';

const query = z.object({ id: z.uuid() });

/**
 * GET ?id=<changeId> — 下载变更申请表 (R-CHG-E1, R-CHG-E2): the signed-in account's own
 * request only (anyone else's id is the usual 404), as an attachment, never cached.
 */
export async function GET(req: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return errorResponse('UNAUTHENTICATED');
  const parsed = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return errorResponse('NOT_FOUND');
  try {
    const form = await getChangeApplicationForm(await getServiceContext(), user.accountId, parsed.data.id);
    return new Response(new Uint8Array(form.bytes), {
      status: 200,
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Length': String(form.bytes.byteLength),
        'Content-Disposition': `attachment; filename="${form.filename}"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (isAppError(error)) return errorResponse(error.code);
    throw error;
  }
}
