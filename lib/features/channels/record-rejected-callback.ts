import { appendAudit } from '@/db/queries/audit';
import type { ServiceContext } from '../context';

/**
 * SECURITY 32: a callback refused for its signature (or its timestamp, or a missing
 * header) or for an unreadable body is audited — and nothing else is written.
 * Only the channel and the reason go in: never the body, which nobody vouches for.
 */
export async function recordRejectedCallback(
  ctx: ServiceContext,
  input: { channel: string; problem: 'bad_signature' | 'bad_payload'; reason: string },
): Promise<void> {
  await appendAudit(ctx.db, {
    at: await ctx.clock.now(),
    action: `callback.${input.problem}`,
    data: { channel: input.channel, reason: input.reason },
  });
}
