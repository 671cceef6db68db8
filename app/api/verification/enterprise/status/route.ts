import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { errorResponse, isAppError } from '@/lib/errors';
import { getServiceContext } from '@/lib/services/context';
import { getEnterpriseStatus } from '@/lib/services/get-enterprise-status';

const query = z.object({ id: z.uuid() });

/** GET ?id= — polled by the waiting page; the signed-in account's own verification only. */
export async function GET(req: Request) {
  const user = await getCurrentUser();
  if (!user) return errorResponse('UNAUTHENTICATED');
  const parsed = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return errorResponse('NOT_FOUND');
  try {
    const status = await getEnterpriseStatus(await getServiceContext(), user.accountId, parsed.data.id);
    return Response.json(status, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (isAppError(error)) return errorResponse(error.code);
    throw error;
  }
}
