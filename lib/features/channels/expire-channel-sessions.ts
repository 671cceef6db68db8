import { appendAudit } from '@/db/queries/audit';
import { claimOverdueChannelSessions, settleChannelSession } from '@/db/queries/channels';
import { auditTarget } from '@/lib/domain/audit';
import { decideChannelSignal } from '@/lib/domain/channel-session';
import type { ServiceContext } from '../context';
import { handleSettledChannelSession } from './handle-settled-channel-session';

/**
 * The deadline sweeper (SPEC §8, SECURITY 31): expires open sessions whose deadline
 * has passed, including those that passed while the server was down. Sessions are
 * claimed FOR UPDATE SKIP LOCKED and settled under a state guard, so any number of
 * sweepers may run at once and each session is expired — and audited — once.
 * Answers how many it expired; call again while it answers `limit`.
 */
export async function expireChannelSessions(ctx: ServiceContext, options: { limit?: number } = {}): Promise<{ expired: number }> {
  const now = await ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const overdue = await claimOverdueChannelSessions(tx, now, options.limit ?? 100);
    let expired = 0;
    for (const session of overdue) {
      const decision = decideChannelSignal(session, { kind: 'expired' }, now);
      if (decision.kind !== 'transition') continue;
      const settled = await settleChannelSession(tx, session.id, { state: decision.to, result: null, birthDate: null, verifiedEnterpriseName: null, now });
      if (!settled) continue;
      await appendAudit(tx, {
        at: now,
        action: 'channel_session.expired',
        accountId: session.accountId,
        target: auditTarget('channel_session', session.id),
        data: { channel: session.channel, purpose: session.purpose, reference: session.reference, by: 'sweeper' },
      });
      await handleSettledChannelSession(tx, settled, now);
      expired += 1;
    }
    return { expired };
  });
}
