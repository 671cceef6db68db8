import { revokeAccountSessions } from '@/db/queries/accounts';
import { appendAudit } from '@/db/queries/audit';
import { auditTarget } from '@/lib/domain/audit';
import type { ServiceContext } from '../context';

/** 登录设备 → 退出其他设备: ends every session of the actor's account but the one in use. */
export async function revokeOtherSessions(ctx: ServiceContext, input: { actorAccountId: string; currentSessionId: string }): Promise<{ revoked: number }> {
  const at = await ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    // Real time, as for every session timestamp (ADR 0002).
    const revoked = await revokeAccountSessions(tx, input.actorAccountId, new Date(), { exceptSessionId: input.currentSessionId });
    await appendAudit(tx, {
      at,
      action: 'session.revoked',
      actorAccountId: input.actorAccountId,
      accountId: input.actorAccountId,
      // One row for the action (SECURITY 32): the sessions ended are counted; the one kept is named.
      data: { scope: 'others', count: revoked, kept: auditTarget('session', input.currentSessionId) },
    });
    return { revoked };
  });
}
