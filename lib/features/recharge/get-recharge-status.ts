import { findEnterpriseVerification } from '@/db/queries/enterprise-verifications';
import { latestRechargeOf, transfersOfRecharges } from '@/db/queries/recharges';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '../context';
import { isUuid } from '@/lib/schemas/uuid';

/** What the waiting page polls (no personal data): it re-renders when the recharge, its chances or a refund move. */
export async function getRechargeStatus(ctx: ServiceContext, accountId: string, verificationId: string): Promise<{ state: string; sessionState: string }> {
  const row = isUuid(verificationId) ? await findEnterpriseVerification(ctx.db, accountId, verificationId) : undefined;
  if (!row) throw new AppError('NOT_FOUND');
  const recharge = await latestRechargeOf(ctx.db, row.id);
  const transfers = recharge ? await transfersOfRecharges(ctx.db, [recharge.id]) : [];
  const settled = transfers.filter((t) => t.refundState === 'settled').length;
  const deadlinePassed = recharge ? recharge.deadline.getTime() <= (await ctx.clock.now()).getTime() : false;
  return { state: row.state, sessionState: `${recharge?.state ?? 'none'}:${recharge?.chancesUsed ?? 0}:${settled}:${deadlinePassed ? 'due' : 'open'}` };
}
