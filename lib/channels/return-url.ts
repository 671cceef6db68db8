import { env, type Env } from '@/lib/env';
import type { SessionChannel } from '@/lib/domain/channel-session';

/**
 * Where a provider that answers by redirect sends the person back (issue 18, docs/decisions/0030):
 * our route `/channels/<channel>/return`, which pulls the session's result and then shows it.
 * It carries our reference only — never a name or a number; the provider appends its own
 * token (Tencent Cloud: `&token=<BizToken>`).
 */
export function channelReturnUrl(channel: SessionChannel, reference: string, e: Env = env()): string {
  const url = new URL(`/channels/${channel}/return`, e.APP_URL);
  url.searchParams.set('ref', reference);
  return url.toString();
}
