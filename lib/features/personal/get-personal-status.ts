import { findPersonalVerification } from '@/db/queries/personal-verifications';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '../context';
import { getChannelSession } from '@/lib/features/channels';

/** What the waiting page polls: the verification's state and its session's (no personal data). */
export async function getPersonalStatus(ctx: ServiceContext, accountId: string, verificationId: string) {
  const row = await findPersonalVerification(ctx.db, accountId, verificationId);
  if (!row) throw new AppError('NOT_FOUND');
  const session = row.channelSessionId && row.state === 'awaiting_channel' ? await getChannelSession(ctx, row.channelSessionId) : null;
  return { state: row.state, sessionState: session?.state ?? null };
}
