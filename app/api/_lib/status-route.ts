import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { errorResponse, isAppError } from '@/lib/errors';
import { shutdownSignal } from '@/lib/ops/lifecycle';
import { awaitStatusChange } from '@/lib/features/live';
import { getServiceContext } from '@/lib/features/runtime';
import { type ServiceContext } from '@/lib/features/context';

// State names are codes (lower case and `_`; the recharge's sessionState joins a few with `:`).
const code = z.string().regex(/^[a-z0-9_:]*$/).max(80);
const query = z.object({ id: z.uuid(), state: code.min(1).optional(), sessionState: code.optional() });

/**
 * GET ?id= polled by a waiting page: the signed-in account's own verification only
 * (another account's id is the usual 404), never cached. With `&state=…&sessionState=…`
 * (what the page shows) it is a long-poll: held until the status differs from that, or
 * a few seconds passed (docs/decisions/0019).
 */
export function statusRoute<S extends { state: string; sessionState: string | null }>(
  getStatus: (ctx: ServiceContext, accountId: string, id: string) => Promise<S>,
) {
  return async function GET(req: Request): Promise<Response> {
    const user = await getCurrentUser();
    if (!user) return errorResponse('UNAUTHENTICATED');
    const parsed = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!parsed.success) return errorResponse('NOT_FOUND');
    const { id, state, sessionState } = parsed.data;
    try {
      const ctx = await getServiceContext();
      const read = () => getStatus(ctx, user.accountId, id);
      const status = state
        ? await awaitStatusChange(ctx, user.accountId, read, { state, sessionState: sessionState ?? '' }, { signal: AbortSignal.any([req.signal, shutdownSignal()]) })
        : await read();
      return Response.json(status, { headers: { 'Cache-Control': 'no-store' } });
    } catch (error) {
      if (isAppError(error)) return errorResponse(error.code);
      throw error;
    }
  };
}
