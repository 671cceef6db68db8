import { isSameOriginRequest } from '@/lib/action';
import { getCurrentUser } from '@/lib/auth/session';
import { errorResponse, invalidInputResponse } from '@/lib/errors';
import { textOf } from '@/lib/messages';
import { icpCheckSchema } from '@/lib/schemas/icp-check';
import { checkIcpSubject } from '@/lib/features/registry';
import { getServiceContext } from '@/lib/features/runtime';

/**
 * POST /api/icp-check `{filingName}` → `{match, reason?, position?, message}` (R-OWN-4) for
 * the signed-in account. POST, not GET: a person's name does not belong in a URL
 * (SECURITY 22). Cookie-authenticated, so same-origin only (SECURITY 24).
 */
export async function POST(req: Request) {
  if (!isSameOriginRequest(req.headers)) return errorResponse('BAD_ORIGIN');
  const user = await getCurrentUser();
  if (!user) return errorResponse('UNAUTHENTICATED');
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return errorResponse('INVALID_INPUT');
  }
  const input = icpCheckSchema.safeParse(body);
  if (!input.success) return invalidInputResponse('filingName', input.error.issues[0]);
  const result = await checkIcpSubject(await getServiceContext(), user.accountId, input.data.filingName);
  return Response.json({ ...result, message: textOf(result.message) }, { headers: { 'cache-control': 'no-store' } });
}
