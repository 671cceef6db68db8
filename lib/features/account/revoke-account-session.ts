import { revokeAccountSession as revokeOne } from '@/db/queries/accounts';
import { appendAudit } from '@/db/queries/audit';
import { auditTarget } from '@/lib/domain/audit';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '../context';

/**
 * 登录设备 → 退出: ends one of the actor's own sessions. A session of another account —
 * or one already ended — reads SESSION_NOT_FOUND and changes nothing (SECURITY 11).
 */
export async function revokeAccountSession(ctx: ServiceContext, input: { actorAccountId: string; sessionId: string }): Promise<void> {
  const at = await ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    // Real time, as for every session timestamp (ADR 0002).
    if (!(await revokeOne(tx, input.actorAccountId, input.sessionId, new Date()))) throw new AppError('SESSION_NOT_FOUND');
    await appendAudit(tx, {
      at,
      action: 'session.revoked',
      actorAccountId: input.actorAccountId,
      accountId: input.actorAccountId,
      target: auditTarget('session', input.sessionId),
    });
  });
}
