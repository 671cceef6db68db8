import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { errorResponse, isAppError } from '@/lib/errors';
import { getServiceContext, type ServiceContext } from '@/lib/services/context';

const query = z.object({ id: z.uuid() });

/**
 * GET ?id= polled by a waiting page: the signed-in account's own verification only
 * (another account's id is the usual 404), never cached.
 */
export function statusRoute<S>(getStatus: (ctx: ServiceContext, accountId: string, id: string) => Promise<S>) {
  return async function GET(req: Request): Promise<Response> {
    const user = await getCurrentUser();
    if (!user) return errorResponse('UNAUTHENTICATED');
    const parsed = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!parsed.success) return errorResponse('NOT_FOUND');
    try {
      const status = await getStatus(await getServiceContext(), user.accountId, parsed.data.id);
      return Response.json(status, { headers: { 'Cache-Control': 'no-store' } });
    } catch (error) {
      if (isAppError(error)) return errorResponse(error.code);
      throw error;
    }
  };
}
