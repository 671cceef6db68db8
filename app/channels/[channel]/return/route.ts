import { z } from 'zod';
import { routeOf, type RouteId } from '@/app/_lib/routes';
import { getCurrentUser } from '@/lib/auth/session';
import { ChannelFailure } from '@/lib/channels/http-client';
import { SESSION_CHANNELS, type ChannelSessionPurpose } from '@/lib/domain/channel-session';
import { env } from '@/lib/env';
import { errorResponse, isAppError } from '@/lib/errors';
import { errorKind, log } from '@/lib/ops/log';
import { pullChannelResult } from '@/lib/features/channels';
import { getServiceContext } from '@/lib/features/runtime';

const paramsSchema = z.object({ channel: z.enum(SESSION_CHANNELS) });
/** `ref`: our reference, put in the RedirectUrl when the session was opened; `token`: the provider's, appended by it. */
const querySchema = z.object({ ref: z.string().min(1).max(255), token: z.string().min(1).max(255) });

/** Where each flow shows its result. */
const WIZARD: Record<ChannelSessionPurpose, RouteId> = {
  personal_verification: 'verification.personal',
  enterprise_verification: 'verification.enterprise',
  subject_change: 'verification.change',
  payout_operator: 'verification.enterprise.payout',
};

/**
 * GET /channels/<channel>/return?ref=…&token=… — where a provider that answers by redirect
 * (Tencent Cloud 人脸核身's RedirectUrl) sends the person back (issue 18, docs/decisions/0030).
 * The redirect proves nothing: this pulls the session's result from the provider by its
 * token (pullChannelResult: stored and applied like a pushed callback, once, whether this
 * or the poll job gets there first) and then sends the browser on — to the flow's wizard,
 * which shows the result, when it is the session owner's signed-in browser; otherwise to a
 * page that says only "done, look at the computer" (a phone is usually not signed in).
 *
 * Authorises by itself: `ref` and `token` must name the same session (an unknown pair is
 * the usual 404); nothing about the session is shown to anyone but its owner. A GET that
 * writes, because a redirect can only be one — and what it writes is what the poll job
 * would write anyway.
 */
export async function GET(req: Request, { params }: { params: Promise<{ channel: string }> }) {
  const p = paramsSchema.safeParse(await params);
  const q = querySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!p.success || !q.success) return errorResponse('NOT_FOUND');
  const { channel } = p.data;

  let to = `/channels/${channel}/returned`;
  try {
    const result = await pullChannelResult(await getServiceContext(), { channel, token: q.data.token, reference: q.data.ref });
    const user = await getCurrentUser();
    if (user && result.accountId !== null && result.accountId === user.accountId) to = routeOf(WIZARD[result.session.purpose]);
  } catch (error) {
    if (!(error instanceof ChannelFailure)) {
      if (isAppError(error)) return errorResponse(error.code);
      throw error;
    }
    // The provider did not answer: the poll job asks again; the person is told to look at the computer.
    log.warn({ event: 'channel_result.return_pull_failed', channel, ...errorKind(error) });
    to += '?checking=1';
  }
  return new Response(null, { status: 303, headers: { location: new URL(to, env().APP_URL).toString(), 'cache-control': 'no-store' } });
}
